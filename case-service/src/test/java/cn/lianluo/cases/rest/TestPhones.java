package cn.lianluo.cases.rest;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A mobile number no other case of the test database has, for a test that must not find its case flagged as a
 * possible duplicate (重复件) of an open case of the same phone left by another test or an earlier run.
 */
final class TestPhones {

    private TestPhones() {
    }

    static String unused() {
        return "199" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
