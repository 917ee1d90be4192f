package cn.lianluo.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The printable case documents (交办单, 督办函): the CJK font they are set in. */
@ConfigMapping(prefix = "lianluo.documents")
public interface DocumentsConfig {

    /**
     * The font file: Noto Sans CJK of Debian's {@code fonts-noto-cjk} (SIL Open Font License), which the images
     * carry at the same path. A TrueType or OpenType file, or a collection ({@code .ttc}) with {@link #fontIndex()}.
     */
    @WithDefault("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
    String font();

    /** The face of a collection: 2 is Noto Sans CJK SC, the simplified Chinese forms. Ignored for a single font. */
    @WithDefault("2")
    int fontIndex();
}
