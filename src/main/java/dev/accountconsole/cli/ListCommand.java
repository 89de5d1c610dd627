package dev.accountconsole.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accountconsole.account.AccountService;
import dev.accountconsole.account.FieldError;
import dev.accountconsole.account.InvalidInputException;
import dev.accountconsole.account.Validation;
import dev.accountconsole.api.Cancellation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * queryIdentityList over any number of ids, in calls of at most 50.
 *
 * <p>The item of this command is the account: each account found prints as its own JSON line, in
 * input order, rather than one array per call, so that a 120-id run reads the same as 120 lookups
 * and the batch size stays invisible. Ids the gateway does not know print nothing, as the API
 * leaves them out. A failed call prints one stderr line naming its first and last id.
 *
 * <p>An invalid id fails alone (status 1) instead of failing the 49 valid ids batched with it.
 */
@Command(name = "list", mixinStandardHelpOptions = true)
final class ListCommand extends BulkCommand {
    @Parameters(paramLabel = "ID", arity = "0..*", descriptionKey = "cli.param.identityIds")
    List<String> identityIds = new ArrayList<>();

    ListCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    List<String> arguments() {
        return identityIds;
    }

    @Override
    Iterator<Callable<Outcome>> tasks(Iterator<String> values, AccountService service) {
        return new Batches(values, service);
    }

    private Outcome call(AccountService service, List<String> batch) {
        String subject = batch.size() == 1 ? subject(batch.get(0))
                : ctx.text("cli.subject.batch", name(), batch.get(0), batch.get(batch.size() - 1),
                        String.valueOf(batch.size()));
        try {
            JsonNode found = service.queryIdentityList(batch, Cancellation.none()).data();
            List<byte[]> lines = new ArrayList<>(found.size());
            for (JsonNode account : found) {
                lines.add(json(account));
            }
            return Outcome.success(lines);
        } catch (Exception e) {
            return failures.of(subject, e);
        }
    }

    /** Groups the ids into calls as they are read; never holds more than one call's worth. */
    private final class Batches implements Iterator<Callable<Outcome>> {
        private final Iterator<String> ids;
        private final AccountService service;
        private String heldBack;

        Batches(Iterator<String> ids, AccountService service) {
            this.ids = ids;
            this.service = service;
        }

        @Override
        public boolean hasNext() {
            return heldBack != null || ids.hasNext();
        }

        @Override
        public Callable<Outcome> next() {
            List<String> batch = new ArrayList<>(Validation.MAX_IDS_PER_LIST_CALL);
            while (batch.size() < Validation.MAX_IDS_PER_LIST_CALL && hasNext()) {
                String id = heldBack != null ? heldBack : ids.next();
                heldBack = null;
                FieldError error = Validation.checkIdentityId("identityId", id);
                if (error == null) {
                    batch.add(id);
                } else if (batch.isEmpty()) {
                    Outcome invalid = failures.invalid(subject(id), new InvalidInputException(List.of(error)));
                    return () -> invalid;
                } else {
                    heldBack = id;
                    break;
                }
            }
            return () -> call(service, batch);
        }
    }
}
