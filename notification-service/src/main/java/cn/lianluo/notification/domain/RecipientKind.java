package cn.lianluo.notification.domain;

/** Who a message is for; the id beside it says which one ({@link Recipient}). */
public enum RecipientKind {
    /**
     * The citizen of a case (id: the case id) or of an appointment with a deputy (id: the appointment id); reached by SMS
     * only, at the phone sealed in the case's or the appointment's events.
     */
    CITIZEN,
    /** A handling unit (承办单位, id: the unit id): its accounts (HANDLER with that unitId) and its contacts. */
    UNIT,
    /** A station's staff (id: the station id): STATION_STAFF whose region covers the station. */
    STATION,
    /** A deputy (id: the deputy id): the account with that deputyId, and the deputy's contacts. */
    DEPUTY
}
