package org.thicket.messenger.qr;

import static org.thicket.messenger.qr.api.QrConstants.MAX_IMAGE_PIXELS;
import static org.thicket.messenger.qr.api.QrConstants.MAX_IMAGE_SIDE;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.thicket.messenger.qr.api.QrDecodeException;

/**
 * Reads a PNG or JPEG file's first image, refusing other formats by their magic bytes and images too large by the
 * dimensions in their header, before any pixel is decoded: a small file can declare a huge image.
 */
final class BoundedImageReader {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private BoundedImageReader() {
    }

    static BufferedImage read(byte[] file) throws QrDecodeException {
        String format = format(file);
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) throw new QrDecodeException("This Java runtime cannot read " + format + " images");
        ImageReader reader = readers.next();
        // In memory: ImageIO's default stream may cache in a temporary file.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(file))) {
            reader.setInput(in, true, true);
            requireBounded(reader.getWidth(0), reader.getHeight(0));
            return reader.read(0);
        } catch (IOException | RuntimeException e) {
            // Image decoders throw more than IOException on broken input (e.g. IndexOutOfBoundsException).
            throw new QrDecodeException("The file is not a readable " + format + " image", e);
        } finally {
            reader.dispose();
        }
    }

    private static String format(byte[] file) throws QrDecodeException {
        if (startsWith(file, PNG_MAGIC)) return "png";
        if (startsWith(file, JPEG_MAGIC)) return "jpeg";
        throw new QrDecodeException("The file is not a PNG or JPEG image");
    }

    private static boolean startsWith(byte[] file, byte[] magic) {
        if (file.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) {
            if (file[i] != magic[i]) return false;
        }
        return true;
    }

    private static void requireBounded(int width, int height) throws QrDecodeException {
        if (width <= 0 || height <= 0 || width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE
                || (long) width * height > MAX_IMAGE_PIXELS) {
            throw new QrDecodeException("The image is " + width + " by " + height + " pixels; at most "
                    + MAX_IMAGE_SIDE + " a side and " + MAX_IMAGE_PIXELS + " pixels are read");
        }
    }
}
