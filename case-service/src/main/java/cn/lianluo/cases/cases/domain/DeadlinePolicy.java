package cn.lianluo.cases.cases.domain;

/**
 * Time limits in working days (DESIGN §6 defaults, after the 12345-hotline practice): assign within 1 of receipt;
 * handle within 13 (complaints, suggestions) or 3 (enquiries, help) of assignment, 0 (the same day) when urgent;
 * reply within 2 of handling; visit within 5, from the day after the reply.
 */
public record DeadlinePolicy(int assignDays, int handleComplaintDays, int handleEnquiryDays, int urgentHandleDays,
                             int replyDays, int visitDays) {

    public static final DeadlinePolicy DEFAULT = new DeadlinePolicy(1, 13, 3, 0, 2, 5);

    public DeadlinePolicy {
        for (int days : new int[] {assignDays, handleComplaintDays, handleEnquiryDays, urgentHandleDays, replyDays, visitDays}) {
            if (days < 0 || days > 60) {
                throw new IllegalArgumentException("a time limit is 0 to 60 working days");
            }
        }
    }

    public int span(Stage stage, CaseKind kind, boolean urgent) {
        return switch (stage) {
            case ASSIGN -> assignDays;
            case HANDLE -> urgent ? urgentHandleDays
                    : kind == CaseKind.COMPLAINT || kind == CaseKind.SUGGESTION ? handleComplaintDays : handleEnquiryDays;
            case REPLY -> replyDays;
            case VISIT -> visitDays;
        };
    }
}
