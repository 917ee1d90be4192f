package cn.lianluo.common.files;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTest {

    @Test
    void a_plain_name_is_kept_chinese_included() {
        assertThat(FileNames.sanitize("路面塌陷.jpg", FileType.JPEG)).isEqualTo("路面塌陷.jpg");
        assertThat(FileNames.sanitize("IMG_0001.HEIC", FileType.HEIC)).isEqualTo("IMG_0001.HEIC");
        assertThat(FileNames.sanitize("  村道 照片  2.jpeg ", FileType.JPEG)).isEqualTo("村道 照片 2.jpeg");
    }

    @Test
    void folders_control_characters_and_reserved_characters_go() {
        assertThat(FileNames.sanitize("C:\\Users\\张三\\Desktop\\材料.pdf", FileType.PDF)).isEqualTo("材料.pdf");
        assertThat(FileNames.sanitize("../../etc/passwd", FileType.PDF)).isEqualTo("passwd.pdf");
        assertThat(FileNames.sanitize("a\u0000b\r\nc.png", FileType.PNG)).isEqualTo("abc.png");
        assertThat(FileNames.sanitize("photo\u202Egpj.exe", FileType.JPEG)).isEqualTo("photogpj.exe.jpg");
        assertThat(FileNames.sanitize("\"quoted\"<b>?.png", FileType.PNG)).isEqualTo("_quoted__b__.png");
        assertThat(FileNames.sanitize("...hidden.png", FileType.PNG)).isEqualTo("hidden.png");
    }

    @Test
    void the_extension_fits_the_type_the_bytes_showed() {
        assertThat(FileNames.sanitize("scan.png", FileType.PDF)).isEqualTo("scan.png.pdf");
        assertThat(FileNames.sanitize("photo", FileType.WEBP)).isEqualTo("photo.webp");
        assertThat(FileNames.sanitize("photo.JPG", FileType.JPEG)).isEqualTo("photo.JPG");
    }

    @Test
    void no_name_and_a_long_name() {
        assertThat(FileNames.sanitize(null, FileType.PNG)).isEqualTo("file.png");
        assertThat(FileNames.sanitize(" / ", FileType.PNG)).isEqualTo("file.png");
        String longName = FileNames.sanitize("长".repeat(300) + ".pdf", FileType.PDF);
        assertThat(longName).endsWith(".pdf").hasSize(FileNames.MAX_LENGTH);
        String emoji = FileNames.sanitize("😀".repeat(300) + ".png", FileType.PNG);
        assertThat(emoji.codePointCount(0, emoji.length())).isEqualTo(FileNames.MAX_LENGTH);
    }
}
