package org.thicket.messenger.qr;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.thicket.messenger.qr.api.QrConstants.MAX_IMAGE_FILE_BYTES;
import static org.thicket.messenger.qr.api.QrConstants.MAX_PASTED_CHARS;
import static org.thicket.messenger.qr.api.QrConstants.MAX_PAYLOAD_BYTES;
import static org.thicket.messenger.qr.api.QrConstants.MAX_PIXELS_PER_MODULE;
import static org.thicket.messenger.qr.api.QrConstants.QUIET_ZONE_MODULES;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.thicket.messenger.qr.api.QrCode;
import org.thicket.messenger.qr.api.QrCodes;
import org.thicket.messenger.qr.api.QrDecodeException;
import org.thicket.messenger.qr.api.TerminalBackground;

/** ZXing does the QR work; this class adds the byte-mode convention, the limits and the terminal rendering. */
final class QrCodesImpl implements QrCodes {

    /**
     * Byte segments are read as ISO-8859-1, one character per byte. Without this hint ZXing guesses a character set
     * from the bytes (UTF-8, Shift_JIS, ...) and a binary payload would come back changed.
     */
    private static final Map<DecodeHintType, Object> PHOTO_HINTS = Map.of(
            DecodeHintType.CHARACTER_SET, ISO_8859_1.name(),
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
            DecodeHintType.TRY_HARDER, Boolean.TRUE,
            // A screenshot of a code printed for a dark terminal is light on dark.
            DecodeHintType.ALSO_INVERTED, Boolean.TRUE);
    /**
     * The second try, for a clean image of the code alone (a saved render, a screenshot): ZXing's finder-pattern
     * search misses some such codes at four or more pixels per module, which reading them as pure codes does not.
     */
    private static final Map<DecodeHintType, Object> PURE_HINTS = Map.of(
            DecodeHintType.CHARACTER_SET, ISO_8859_1.name(),
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
            DecodeHintType.PURE_BARCODE, Boolean.TRUE);

    @Override
    public QrCode encode(byte[] payload) {
        requirePayloadLength(payload.length);
        try {
            // No character-set hint: ZXing then writes byte mode in its default, ISO-8859-1, without an ECI header,
            // which is how Briar's codes carry their bytes. Level L, ZXing's default, gives the smallest code; it is
            // read off a screen, where it does not get worn or stained.
            ByteMatrix matrix = Encoder.encode(new String(payload, ISO_8859_1), ErrorCorrectionLevel.L).getMatrix();
            int size = matrix.getWidth();
            BitSet dark = new BitSet(size * size);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    if (matrix.get(x, y) == 1) dark.set(y * size + x);
                }
            }
            return new QrCode(size, dark);
        } catch (WriterException e) {
            throw new IllegalArgumentException("The payload does not fit a QR code", e);
        }
    }

    @Override
    public BufferedImage toImage(QrCode code, int pixelsPerModule) {
        if (pixelsPerModule < 1 || pixelsPerModule > MAX_PIXELS_PER_MODULE) {
            throw new IllegalArgumentException("1 to " + MAX_PIXELS_PER_MODULE + " pixels per module, not "
                    + pixelsPerModule);
        }
        int side = (code.size() + 2 * QUIET_ZONE_MODULES) * pixelsPerModule;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, side, side);
            g.setColor(Color.BLACK);
            for (int y = 0; y < code.size(); y++) {
                for (int x = 0; x < code.size(); x++) {
                    if (!code.isDark(x, y)) continue;
                    g.fillRect((x + QUIET_ZONE_MODULES) * pixelsPerModule, (y + QUIET_ZONE_MODULES) * pixelsPerModule,
                            pixelsPerModule, pixelsPerModule);
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    @Override
    public byte[] toPng(QrCode code, int pixelsPerModule) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(toImage(code, pixelsPerModule), "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory failed", e);
        }
        return png.toByteArray();
    }

    @Override
    public String toTerminalText(QrCode code, TerminalBackground background) {
        int modules = code.size() + 2 * QUIET_ZONE_MODULES;
        // On a dark terminal the blocks draw the light modules; the row under the last one is the terminal's own.
        boolean drawLight = background == TerminalBackground.DARK;
        StringBuilder text = new StringBuilder();
        for (int y = 0; y < modules; y += 2) {
            for (int x = 0; x < modules; x++) {
                boolean top = isDarkWithQuietZone(code, x, y) != drawLight;
                boolean bottom = y + 1 < modules && isDarkWithQuietZone(code, x, y + 1) != drawLight;
                text.append(halfBlock(top, bottom));
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static char halfBlock(boolean top, boolean bottom) {
        if (top) return bottom ? '\u2588' : '\u2580';
        return bottom ? '\u2584' : ' ';
    }

    private static boolean isDarkWithQuietZone(QrCode code, int x, int y) {
        int cx = x - QUIET_ZONE_MODULES;
        int cy = y - QUIET_ZONE_MODULES;
        if (cx < 0 || cy < 0 || cx >= code.size() || cy >= code.size()) return false;
        return code.isDark(cx, cy);
    }

    @Override
    public byte[] decodeImage(Path file) throws QrDecodeException {
        return decodeImage(readBounded(file));
    }

    @Override
    public byte[] decodeImage(byte[] imageFile) throws QrDecodeException {
        if (imageFile.length > MAX_IMAGE_FILE_BYTES) throw tooLarge(imageFile.length);
        BufferedImage image = BoundedImageReader.read(imageFile);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        Result result;
        try {
            result = decode(bitmap);
        } catch (NotFoundException e) {
            throw new QrDecodeException("No QR code found in the image");
        } catch (ChecksumException | FormatException e) {
            throw new QrDecodeException("The QR code in the image could not be read; try a sharper picture");
        }
        return payloadOf(result.getText());
    }

    private static Result decode(BinaryBitmap bitmap) throws NotFoundException, ChecksumException, FormatException {
        try {
            return new QRCodeReader().decode(bitmap, PHOTO_HINTS);
        } catch (NotFoundException | ChecksumException | FormatException e) {
            return new QRCodeReader().decode(bitmap, PURE_HINTS);
        }
    }

    private static byte[] payloadOf(String text) throws QrDecodeException {
        for (int i = 0; i < text.length(); i++) {
            // A code with an ECI header for another character set holds text, not one of our byte payloads.
            if (text.charAt(i) > 0xFF) throw new QrDecodeException("The QR code holds text, not a Thicket code");
        }
        byte[] payload = text.getBytes(ISO_8859_1);
        if (payload.length == 0 || payload.length > MAX_PAYLOAD_BYTES) throw payloadLength(payload.length);
        return payload;
    }

    /** At most the limit plus one byte, whatever the file's size says: the file may grow while we read. */
    private static byte[] readBounded(Path file) throws QrDecodeException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] content = in.readNBytes(MAX_IMAGE_FILE_BYTES + 1);
            if (content.length > MAX_IMAGE_FILE_BYTES) throw tooLarge(Files.size(file));
            return content;
        } catch (NoSuchFileException e) {
            throw new QrDecodeException("No such file: " + file);
        } catch (IOException e) {
            throw new QrDecodeException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private static QrDecodeException tooLarge(long bytes) {
        return new QrDecodeException("The image file is " + bytes + " bytes, more than the " + MAX_IMAGE_FILE_BYTES
                + " we read");
    }

    @Override
    public byte[] decodeText(String pasted) throws QrDecodeException {
        if (pasted.length() > MAX_PASTED_CHARS) {
            throw new QrDecodeException("The text is " + pasted.length() + " characters, more than the "
                    + MAX_PASTED_CHARS + " a code can take");
        }
        String base64 = pasted.replaceAll("\\s", "");
        byte[] payload;
        try {
            payload = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new QrDecodeException("The text is not base64");
        }
        if (payload.length == 0 || payload.length > MAX_PAYLOAD_BYTES) throw payloadLength(payload.length);
        return payload;
    }

    @Override
    public String encodeText(byte[] payload) {
        requirePayloadLength(payload.length);
        return Base64.getEncoder().encodeToString(payload);
    }

    private static void requirePayloadLength(int length) {
        if (length == 0 || length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("A payload is 1 to " + MAX_PAYLOAD_BYTES + " bytes, not " + length);
        }
    }

    private static QrDecodeException payloadLength(int length) {
        return new QrDecodeException("A code holds 1 to " + MAX_PAYLOAD_BYTES + " bytes, not " + length);
    }
}
