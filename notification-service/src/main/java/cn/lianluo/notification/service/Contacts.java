package cn.lianluo.notification.service;

import cn.lianluo.common.privacy.Masking;
import cn.lianluo.common.privacy.SealedContact;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.region.RegionCodes;
import cn.lianluo.common.security.Caller;
import cn.lianluo.notification.domain.RecipientKind;
import cn.lianluo.notification.persistence.Directory;
import cn.lianluo.notification.service.NotifyDtos.ContactBody;
import cn.lianluo.notification.service.NotifyDtos.ContactView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** Contacts of units, stations and deputies, managed by ADMIN within their region; phones sealed. */
@ApplicationScoped
public class Contacts {

    private final Directory directory;
    private final SealedContact sealer;
    private final Caller caller;

    public Contacts(Directory directory, SealedContact sealer, Caller caller) {
        this.directory = directory;
        this.sealer = sealer;
        this.caller = caller;
    }

    @Transactional
    public ContactView put(String kind, UUID id, ContactBody body) {
        String k = kind(kind);
        RegionCode region = RegionCodes.field("regionCode", body.regionCode());
        if (k.equals(RecipientKind.DEPUTY.name())) {
            // a deputy's region is deputy-service's, from the local copy, not what the caller says it is; one not yet
            // copied takes the caller's (within their scope) until deputy-service's event sets it
            region = directory.deputyRegion(id).map(RegionCode::of).orElse(region);
        }
        caller.requireWithin(region);
        directory.contact(k, id).ifPresent(existing -> caller.requireWithin(RegionCode.of(existing.regionCode())));
        String email = blankToNull(body.email());
        String phone = blankToNull(body.phone());
        if (email == null && phone == null) {
            throw ProblemException.invalid("email", "give an e-mail address or a phone (or delete the contact)");
        }
        directory.putContact(new Directory.Contact(k, id, region.toString(), email, sealer.seal(phone),
                phone == null ? null : Masking.phone(phone), Instant.now()));
        return get(kind, id);
    }

    @Transactional
    public ContactView get(String kind, UUID id) {
        String k = kind(kind);
        Directory.Contact c = directory.contact(k, id).orElseThrow(() -> ProblemException.notFound("contact", kind + "/" + id));
        caller.requireWithin(RegionCode.of(c.regionCode()));
        return new ContactView(k.toLowerCase(Locale.ROOT), c.id(), c.regionCode(), c.email(), c.phoneMasked(), c.updatedAt());
    }

    @Transactional
    public void delete(String kind, UUID id) {
        get(kind, id);
        directory.deleteContact(kind(kind), id);
    }

    /** unit, station or deputy (a citizen's phone comes only sealed in the case's events). */
    static String kind(String kind) {
        String k = kind == null ? "" : kind.toUpperCase(Locale.ROOT);
        if (!k.equals(RecipientKind.UNIT.name()) && !k.equals(RecipientKind.STATION.name())
                && !k.equals(RecipientKind.DEPUTY.name())) {
            throw ProblemException.invalid("kind", "unit, station or deputy");
        }
        return k;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
