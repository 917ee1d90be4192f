package cn.lianluo.cases.rest;

/** Texts and references the OpenAPI annotations of case-service's resources share. */
public final class ApiDocs {

    public static final String REGION = "行政区划代码 region code (43, 4331, 433124, 433124108…); default: the caller's scope";

    /** The {@code Idempotency-Key} header of an {@code @Idempotent} write: a parameter of the public document's components. */
    public static final String IDEMPOTENCY_KEY = "IdempotencyKey";

    private ApiDocs() {
    }
}
