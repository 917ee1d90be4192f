package cn.lianluo.station.service;

import java.security.SecureRandom;

/**
 * The code a REPORT activity is assessed with on the H5 (printed, or in a QR code at the station): ten characters a
 * voter can type without confusing 0/O or 1/I, hard to guess, so the assessments of one report come from those given
 * its code.
 */
final class AssessmentCodes {

    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AssessmentCodes() {
    }

    static String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
