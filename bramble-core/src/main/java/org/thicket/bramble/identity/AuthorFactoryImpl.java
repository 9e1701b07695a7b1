package org.thicket.bramble.identity;

import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.thicket.bramble.crypto.api.CryptoComponent;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.identity.api.Author;
import org.thicket.bramble.identity.api.AuthorFactory;
import org.thicket.bramble.identity.api.AuthorId;
import org.thicket.bramble.util.Bytes;

final class AuthorFactoryImpl implements AuthorFactory {

    private final CryptoComponent crypto;

    @Inject
    AuthorFactoryImpl(CryptoComponent crypto) {
        this.crypto = crypto;
    }

    @Override
    public Author createAuthor(String name, PublicKey publicKey) {
        Author.validateName(name);
        byte[] id = crypto.hash(AuthorId.LABEL, Bytes.uint32(Author.FORMAT_VERSION),
                name.getBytes(StandardCharsets.UTF_8), publicKey.getEncoded());
        return new Author(new AuthorId(id), Author.FORMAT_VERSION, name, publicKey);
    }
}
