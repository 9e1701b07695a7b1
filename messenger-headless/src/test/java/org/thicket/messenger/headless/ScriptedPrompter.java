package org.thicket.messenger.headless;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/** A terminal that answers from a script (null for the end of input) and records what it was asked and told. */
final class ScriptedPrompter implements Prompter {

    private final Deque<String> answers = new ArrayDeque<>();
    private boolean endOfInput;
    final List<String> prompts = new ArrayList<>();
    final List<String> told = new ArrayList<>();
    final List<char[]> passwordsHandedOut = new ArrayList<>();

    ScriptedPrompter(String... answers) {
        this.answers.addAll(Arrays.asList(answers));
    }

    /** After the scripted answers, the input ends. */
    ScriptedPrompter thenEndOfInput() {
        endOfInput = true;
        return this;
    }

    @Override
    public String readLine(String prompt) {
        prompts.add(prompt);
        return next();
    }

    @Override
    public char[] readPassword(String prompt) {
        prompts.add(prompt);
        String answer = next();
        if (answer == null) return null;
        char[] chars = answer.toCharArray();
        passwordsHandedOut.add(chars);
        return chars;
    }

    @Override
    public void tell(String message) {
        told.add(message);
    }

    private String next() {
        if (!answers.isEmpty()) return answers.poll();
        if (endOfInput) return null;
        throw new AssertionError("Asked more than the script answers");
    }

    boolean allPasswordsWiped() {
        return passwordsHandedOut.stream().allMatch(chars -> new String(chars).chars().allMatch(c -> c == 0));
    }
}
