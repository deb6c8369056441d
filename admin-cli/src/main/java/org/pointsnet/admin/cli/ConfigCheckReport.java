package org.pointsnet.admin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.pointsnet.admin.channel.ChannelConfigs;
import org.pointsnet.admin.channel.UpdatePolicyCheck;

/** Prints what a config update changes and whose signatures it has and lacks under the channel's policies. */
final class ConfigCheckReport {

    private ConfigCheckReport() {
    }

    /**
     * Prints the report and returns the unmet policies.
     *
     * @param extraSigners MSP ids that will sign on top of the file's signatures (the submitter)
     */
    static List<UpdatePolicyCheck.Requirement> print(PrintWriter out, ChannelConfigs configs,
                                                     ChannelConfigs.Fetched current, Path file,
                                                     Set<String> extraSigners) {
        ChannelConfigs.SignedUpdate update = configs.read(file);
        for (String change : UpdatePolicyCheck.changes(update.update())) {
            out.println("  " + change);
        }
        Set<String> signers = new LinkedHashSet<>(update.signers());
        out.println("signed by: " + (signers.isEmpty() ? "nobody yet" : String.join(", ", signers))
            + (extraSigners.isEmpty() ? "" : " (+ " + String.join(", ", extraSigners) + " on submit)"));
        signers.addAll(extraSigners);
        List<UpdatePolicyCheck.Requirement> requirements =
            new UpdatePolicyCheck(current.config()).check(update.update(), signers);
        for (UpdatePolicyCheck.Requirement requirement : requirements) {
            out.println("policy " + requirement.policy() + " (" + requirement.rule() + ") for " + requirement.element()
                + ": " + (requirement.satisfied() ? "met" : "NOT met")
                + "; signed: " + names(requirement.signed())
                + (requirement.missing().isEmpty() ? "" : "; missing: " + names(requirement.missing())));
        }
        return requirements.stream().filter(requirement -> !requirement.satisfied()).toList();
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
