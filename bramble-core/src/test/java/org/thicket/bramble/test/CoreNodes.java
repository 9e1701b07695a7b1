package org.thicket.bramble.test;

import com.google.inject.Module;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes {@link CoreNode}s for a test and closes every one it made, restarted ones too, after each test, also when
 * the test failed. Register it as a field: {@code @RegisterExtension final CoreNodes nodes = new CoreNodes();}.
 */
public final class CoreNodes implements AfterEachCallback {

    private final List<CoreNode> open = new ArrayList<>();

    /** As {@link CoreNode#create}. */
    public CoreNode create(Path directory, String nickname, int clockParity, Module... modules) {
        return track(CoreNode.create(directory, nickname, clockParity, modules));
    }

    /** As {@link CoreNode#restart}. */
    public CoreNode restart(CoreNode node, Module... modules) {
        return track(node.restart(modules));
    }

    private CoreNode track(CoreNode node) {
        open.add(node);
        return node;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
        open.clear();
    }
}
