package cn.lianluo.notification.service;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The records of the notifications API. */
public final class NotifyDtos {

    private NotifyDtos() {
    }

    @Schema(name = "NotificationContactBody", description = "A contact's e-mail and phone; at least one of them.")
    public record ContactBody(
            @Schema(description = "行政区划代码 of the unit, station or deputy: who may manage the contact")
            @NotBlank String regionCode,
            @Schema(description = "e-mail address 电子邮箱") @Email @Size(max = 200) String email,
            @Schema(description = "phone 手机号, stored sealed") @Pattern(regexp = "[0-9 +-]{7,20}") String phone) {
    }

    @Schema(name = "NotificationContact", description = "A contact of a unit, station or deputy, the phone masked.")
    public record ContactView(String kind, UUID id, String regionCode,
                              @Schema(description = "e-mail address 电子邮箱; null when only a phone is set", nullable = true)
                              String email,
                              @Schema(description = "the phone masked 手机号(脱敏); null when only an e-mail is set", nullable = true)
                              String phoneMasked,
                              Instant updatedAt) {
    }

    @Schema(name = "NotificationOptOut", description = "A citizen's wish to get no more SMS, proved by a case's tracking code and phone.")
    public record OptOutBody(@Schema(description = "查询码 of one of the citizen's cases") @NotBlank @Size(max = 40) String trackingCode,
                             @Schema(description = "the phone the case was filed with") @NotBlank @Size(max = 30) String phone) {
    }

    @Schema(name = "NotificationAttempt", description = "One attempt to send a message and its outcome.")
    public record AttemptView(Instant at,
                              @Schema(description = "SENT 已发送, LOG_ONLY 仅写入日志 (the log provider), RETRY 稍后重试, "
                                      + "GIVE_UP 放弃, UNKNOWN_OUTCOME 结果未知、不再重发 (the SMS may have been sent), "
                                      + "HOUR_LIMIT 触发小时级流控、下一小时重试, DAY_LIMIT 触发日限额、次日08:00重试, "
                                      + "QUIET_HOURS 免打扰时段, DAILY_CAP 超过每日条数上限, OPTED_OUT 已退订, "
                                      + "NO_ADDRESS 无地址, TOO_OLD 事件过旧, UNSEALABLE 联系方式无法解密, "
                                      + "EXPIRED 已过时效、不再发送 (a vote's SMS after the vote closed)")
                              String outcome,
                              @Schema(description = "log, aliyun or smtp; null when nothing was sent", nullable = true)
                              String provider,
                              @Schema(description = "the provider's answer code (OK, isv.…)", nullable = true) String code,
                              @Schema(description = "the provider's message id or why it failed", nullable = true)
                              String detail) {
    }

    @Schema(name = "NotificationMessage", description = "A message of the log, its address masked, with its attempts.")
    public record MessageView(UUID id, UUID eventId, String eventType, String rule,
                              @Schema(description = "citizen:<case id> (citizen:<appointment id> for 代表有约), unit:<id>, station:<id> or deputy:<id>")
                              String recipient,
                              @Schema(description = "SMS, EMAIL or INBOX") String channel,
                              String regionCode,
                              @Schema(description = "what it is about: a case id, a deputy id", nullable = true)
                              String subject,
                              String title, String body,
                              @Schema(description = "the phone or e-mail masked; null for the inbox and when there is no address",
                                      nullable = true) String addressMasked,
                              boolean urgent,
                              @Schema(description = "PENDING 待发送 (perhaps until after the quiet hours or the provider's hour or "
                                      + "day limit), SENDING 发送中, SENT 已发送, LOG_ONLY 仅写入日志 (the log provider, "
                                      + "sent to no one), SKIPPED 已跳过, FAILED 失败 (among them UNKNOWN_OUTCOME)")
                              String status,
                              Instant notBefore, int attempts, Instant createdAt,
                              @Schema(description = "when it was sent", nullable = true) Instant sentAt,
                              List<AttemptView> history) {
    }
}
