package org.thicket.messenger.qr;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thicket.messenger.qr.api.QrConstants.MAX_IMAGE_FILE_BYTES;
import static org.thicket.messenger.qr.api.QrConstants.MAX_PAYLOAD_BYTES;
import static org.thicket.messenger.qr.api.QrConstants.QUIET_ZONE_MODULES;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.thicket.messenger.qr.api.QrCode;
import org.thicket.messenger.qr.api.QrDecodeException;
import org.thicket.messenger.qr.api.TerminalBackground;

class QrCodesImplTest {

    private final QrCodesImpl qr = new QrCodesImpl();

    @TempDir
    Path dir;

    /** Every byte value, so that any character-set guess or conversion on the way would show. */
    private static byte[] everyByte() {
        byte[] payload = new byte[256];
        for (int i = 0; i < payload.length; i++) payload[i] = (byte) i;
        return payload;
    }

    /** The shape of a BQP payload: 0x04, then a BDF list with a 16-byte commitment and a LAN descriptor. */
    private static byte[] bqpShaped() {
        byte[] payload = new byte[48];
        new Random(1).nextBytes(payload);
        payload[0] = 0x04;
        return payload;
    }

    @Test
    void aPngFileRoundTripsEveryByteValue() throws Exception {
        Path png = dir.resolve("code.png");
        Files.write(png, qr.toPng(qr.encode(everyByte()), 4));

        assertThat(qr.decodeImage(png)).isEqualTo(everyByte());
    }

    @Test
    void aJpegFileRoundTrips() throws Exception {
        BufferedImage binary = qr.toImage(qr.encode(bqpShaped()), 6);
        BufferedImage rgb = new BufferedImage(binary.getWidth(), binary.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(binary, 0, 0, null);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        assertThat(ImageIO.write(rgb, "jpeg", jpeg)).isTrue();

        assertThat(qr.decodeImage(jpeg.toByteArray())).isEqualTo(bqpShaped());
    }

    @Test
    void theLongestPayloadRoundTripsAndALongerOneIsRefused() throws Exception {
        byte[] longest = new byte[MAX_PAYLOAD_BYTES];
        new Random(2).nextBytes(longest);

        assertThat(qr.decodeImage(qr.toPng(qr.encode(longest), 3))).isEqualTo(longest);
        assertThatThrownBy(() -> qr.encode(new byte[MAX_PAYLOAD_BYTES + 1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> qr.encode(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(TerminalBackground.class)
    void terminalTextDrawsEveryModuleAndTheQuietZone(TerminalBackground background) throws Exception {
        QrCode code = qr.encode(bqpShaped());

        String text = qr.toTerminalText(code, background);

        QrCode drawn = parseTerminalText(text, background);
        assertThat(drawn).isEqualTo(code);
        // And what the terminal shows scans: the parsed modules rendered again decode to the payload.
        assertThat(qr.decodeImage(qr.toPng(drawn, 4))).isEqualTo(bqpShaped());
    }

    /** Undoes the half blocks: each character is two modules, a block draws light on a dark terminal. */
    private static QrCode parseTerminalText(String text, TerminalBackground background) {
        String[] lines = text.split("\n");
        int modules = lines[0].length();
        assertThat(lines).allSatisfy(line -> assertThat(line).hasSize(modules));
        assertThat(lines).hasSize((modules + 1) / 2);
        boolean blockIsLight = background == TerminalBackground.DARK;
        int size = modules - 2 * QUIET_ZONE_MODULES;
        BitSet dark = new BitSet();
        for (int y = 0; y < modules; y++) {
            for (int x = 0; x < modules; x++) {
                char c = lines[y / 2].charAt(x);
                boolean block = y % 2 == 0 ? c == '\u2588' || c == '\u2580' : c == '\u2588' || c == '\u2584';
                boolean isDark = block != blockIsLight;
                boolean inCode = x >= QUIET_ZONE_MODULES && y >= QUIET_ZONE_MODULES && x < QUIET_ZONE_MODULES + size
                        && y < QUIET_ZONE_MODULES + size;
                if (inCode) {
                    if (isDark) dark.set((y - QUIET_ZONE_MODULES) * size + x - QUIET_ZONE_MODULES);
                } else {
                    assertThat(isDark).as("quiet zone at %d,%d", x, y).isFalse();
                }
            }
        }
        return new QrCode(size, dark);
    }

    @Test
    void pastedBase64RoundTripsWithBlanksAndWithoutPadding() throws Exception {
        String text = qr.encodeText(bqpShaped());
        String wrapped = "  " + text.substring(0, 20) + "\n" + text.substring(20).replace("=", "") + "\r\n";

        assertThat(qr.decodeText(text)).isEqualTo(bqpShaped());
        assertThat(qr.decodeText(wrapped)).isEqualTo(bqpShaped());
    }

    @Test
    void pastedTextThatIsNotAPayloadIsRefused() {
        assertThatThrownBy(() -> qr.decodeText("not base64!")).isInstanceOf(QrDecodeException.class)
                .hasMessage("The text is not base64");
        assertThatThrownBy(() -> qr.decodeText("   ")).isInstanceOf(QrDecodeException.class)
                .hasMessageContaining("1 to 1024 bytes, not 0");
        String tooLong = java.util.Base64.getEncoder().encodeToString(new byte[MAX_PAYLOAD_BYTES + 1]);
        assertThatThrownBy(() -> qr.decodeText(tooLong)).isInstanceOf(QrDecodeException.class)
                .hasMessageContaining("not 1025");
        assertThatThrownBy(() -> qr.decodeText("A".repeat(100_000))).isInstanceOf(QrDecodeException.class)
                .hasMessageContaining("100000 characters");
    }

    @Test
    void aGarbledPngOrJpegIsRefusedWithoutAnythingElseThrown() {
        byte[] png = qr.toPng(qr.encode(bqpShaped()), 4);
        byte[] truncated = Arrays.copyOf(png, png.length / 2);
        byte[] noise = Arrays.copyOf(png, 4096);
        new Random(3).nextBytes(noise);
        System.arraycopy(png, 0, noise, 0, 8);
        byte[] jpegNoise = noise.clone();
        jpegNoise[0] = (byte) 0xFF;
        jpegNoise[1] = (byte) 0xD8;
        jpegNoise[2] = (byte) 0xFF;

        for (byte[] garbled : new byte[][] {truncated, noise, jpegNoise}) {
            assertThatThrownBy(() -> qr.decodeImage(garbled)).isInstanceOf(QrDecodeException.class)
                    .hasMessageStartingWith("The file is not a readable");
        }
    }

    @Test
    void aFileThatIsNoImageIsRefusedByItsFirstBytes() {
        assertThatThrownBy(() -> qr.decodeImage("GIF89a...".getBytes(UTF_8))).isInstanceOf(QrDecodeException.class)
                .hasMessage("The file is not a PNG or JPEG image");
    }

    @Test
    void anImageWithoutACodeSaysSo() throws Exception {
        BufferedImage blank = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);

        assertThatThrownBy(() -> qr.decodeImage(png(blank))).isInstanceOf(QrDecodeException.class)
                .hasMessage("No QR code found in the image");
    }

    @Test
    void anOversizedFileIsRefusedBeforeItIsDecoded() throws Exception {
        Path big = dir.resolve("big.png");
        byte[] content = new byte[MAX_IMAGE_FILE_BYTES + 1];
        System.arraycopy(qr.toPng(qr.encode(bqpShaped()), 4), 0, content, 0, 8);
        Files.write(big, content);

        assertThatThrownBy(() -> qr.decodeImage(big)).isInstanceOf(QrDecodeException.class)
                .hasMessage("The image file is " + content.length + " bytes, more than the " + MAX_IMAGE_FILE_BYTES
                        + " we read");
        assertThatThrownBy(() -> qr.decodeImage(content)).isInstanceOf(QrDecodeException.class)
                .hasMessageContaining("more than the " + MAX_IMAGE_FILE_BYTES);
    }

    @Test
    void anImageTooLargeIsRefusedByItsHeader() throws Exception {
        // A few kilobytes of PNG that would decode to 9000 pixels a side.
        byte[] wide = png(new BufferedImage(9000, 1, BufferedImage.TYPE_BYTE_BINARY));

        assertThatThrownBy(() -> qr.decodeImage(wide)).isInstanceOf(QrDecodeException.class)
                .hasMessage("The image is 9000 by 1 pixels; at most 8192 a side and 16777216 pixels are read");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("missing.png");

        assertThatThrownBy(() -> qr.decodeImage(missing)).isInstanceOf(QrDecodeException.class)
                .hasMessage("No such file: " + missing);
    }

    @Test
    void aCodeOfNonLatinTextIsNotTakenForAPayload() throws Exception {
        BitMatrix matrix = new QRCodeWriter().encode("\u041f\u0440\u0438\u0432\u0435\u0442", BarcodeFormat.QR_CODE,
                200, 200, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8"));

        assertThatThrownBy(() -> qr.decodeImage(png(MatrixToImageWriter.toBufferedImage(matrix))))
                .isInstanceOf(QrDecodeException.class).hasMessage("The QR code holds text, not a Thicket code");
    }

    private static byte[] png(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
