package io.amiboot.live;

import java.util.List;

/**
 * Who the parties of a call are, from its channels' caller ID, connected line and dialplan extension: the one place
 * the rule lives, so that every consumer of the live model (the dashboard among them) names the parties alike.
 */
final class CallParties {

    /** The extension of a channel that has not (yet) been sent to a dialled number. */
    private static final String START_EXTENSION = "s";

    private CallParties() {
    }

    /** {@return who placed the call: the caller ID of its oldest channel; unknown when it has no channel} */
    static LiveParty caller(List<LiveChannel> channels) {
        return channels.isEmpty() ? LiveParty.UNKNOWN : callerId(channels.get(0));
    }

    /** {@return whom the call is to, by the rule {@link LiveCall#LiveCall(String, List, java.time.Instant)} states} */
    static LiveParty callee(List<LiveChannel> channels) {
        if (channels.isEmpty()) {
            return LiveParty.UNKNOWN;
        }
        LiveChannel first = channels.get(0);
        LiveParty caller = callerId(first);
        // Who answered, as Asterisk told the caller (Dial passes the answering leg's identity back as connected line)
        LiveParty answered = other(new LiveParty(first.connectedLineNum(), first.connectedLineName()), caller);
        if (answered != null) {
            return named(answered, channels, caller);
        }
        // The leg dialled: a PJSIP endpoint's channel carries its callerid; Dial numbers a leg whose driver gave none
        // with the extension dialled
        for (LiveChannel channel : channels.subList(1, channels.size())) {
            LiveParty leg = other(callerId(channel), caller);
            if (leg != null) {
                return leg;
            }
        }
        // Nobody else yet: where the caller was sent, the originate's or the dialled extension
        String exten = first.exten();
        if (!exten.isEmpty() && !exten.equals(START_EXTENSION) && !exten.equals(caller.number())) {
            return new LiveParty(exten, "");
        }
        return LiveParty.UNKNOWN;
    }

    private static LiveParty callerId(LiveChannel channel) {
        return new LiveParty(channel.callerIdNum(), channel.callerIdName());
    }

    /** The parts of {@code party} that are not the caller's, or {@code null} when none is left. */
    private static LiveParty other(LiveParty party, LiveParty caller) {
        String number = party.number().equals(caller.number()) ? "" : party.number();
        String name = party.name().equals(caller.name()) ? "" : party.name();
        return number.isEmpty() && name.isEmpty() ? null : new LiveParty(number, name);
    }

    /** A nameless party gets the name of the channel of the call whose own caller ID has its number. */
    private static LiveParty named(LiveParty party, List<LiveChannel> channels, LiveParty caller) {
        if (!party.name().isEmpty() || party.number().isEmpty()) {
            return party;
        }
        for (LiveChannel channel : channels) {
            if (channel.callerIdNum().equals(party.number()) && !channel.callerIdName().isEmpty()
                    && !channel.callerIdName().equals(caller.name())) {
                return new LiveParty(party.number(), channel.callerIdName());
            }
        }
        return party;
    }
}
