package cn.lianluo.common.files;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class FileTypeTest {

    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR42mO4Yq0FAAMgATpd9vnqAAAAAElFTkSuQmCC");

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** An ISO base media file's first box: size, "ftyp", the major brand, a minor version, the compatible brands. */
    static byte[] ftyp(String major, String... compatible) {
        StringBuilder box = new StringBuilder("ftyp").append(major).append("\0\0\0\0");
        for (String brand : compatible) {
            box.append(brand);
        }
        int size = box.length() + 4;
        return ascii((char) 0 + "" + (char) 0 + (char) 0 + (char) size + box);
    }

    @Test
    void images_and_pdf_are_told_by_their_first_bytes() {
        assertThat(FileType.sniff(PNG)).contains(FileType.PNG);
        assertThat(FileType.sniff(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J', 'F', 'I', 'F'))).contains(FileType.JPEG);
        assertThat(FileType.sniff(bytes(0xff, 0xd8, 0xff, 0xe1))).contains(FileType.JPEG); // EXIF, as phones write it
        assertThat(FileType.sniff(ascii("RIFF\u0024\0\0\0WEBPVP8 "))).contains(FileType.WEBP);
        assertThat(FileType.sniff(ascii("%PDF-1.7\n%âãÏÓ"))).contains(FileType.PDF);
        assertThat(FileType.sniff(ftyp("heic", "mif1", "heic"))).contains(FileType.HEIC);
        assertThat(FileType.sniff(ftyp("mif1", "mif1", "heic"))).contains(FileType.HEIC);
    }

    @Test
    void anything_else_is_none_of_them_whatever_it_is_called() {
        assertThat(FileType.sniff(ascii("这是一个文本文件, renamed photo.png"))).isEmpty();
        assertThat(FileType.sniff(ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"))).isEmpty();
        assertThat(FileType.sniff(ascii("<!DOCTYPE html><html>"))).isEmpty();
        assertThat(FileType.sniff(ascii("GIF89a"))).isEmpty();
        assertThat(FileType.sniff(ascii("RIFF\u0024\0\0\0WAVEfmt "))).isEmpty(); // audio in the same container as WebP
        assertThat(FileType.sniff(ftyp("isom", "isom", "mp41"))).isEmpty(); // a video
        assertThat(FileType.sniff(ftyp("avif", "mif1", "avif"))).isEmpty();
        assertThat(FileType.sniff(ftyp("mif1", "mif1", "avif"))).isEmpty();
        assertThat(FileType.sniff(bytes(0x50, 0x4b, 3, 4))).isEmpty(); // zip, docx, xlsx
        assertThat(FileType.sniff(bytes(0x89, 'P', 'N'))).isEmpty(); // a PNG cut short
        assertThat(FileType.sniff(new byte[0])).isEmpty();
    }
}
