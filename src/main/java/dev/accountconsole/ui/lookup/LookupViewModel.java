package dev.accountconsole.ui.lookup;

import dev.accountconsole.account.LookupRecognizer;
import dev.accountconsole.account.LookupRecognizer.Reading;
import dev.accountconsole.ui.ConsoleSession;
import dev.accountconsole.ui.search.SearchViewModel;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The one lookup box in the top bar: recognises what was typed or pasted and runs it as a search.
 * When the text reads more than one way, the readings wait in {@link #choices()} for the operator
 * to pick one; nothing is sent before that.
 */
public final class LookupViewModel {
    private final ConsoleSession session;
    private final SearchViewModel search;
    private final Runnable showResults;

    // Properties
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ObservableList<Reading> choices = FXCollections.observableArrayList();

    public LookupViewModel(ConsoleSession session, SearchViewModel search, Runnable showResults) {
        this.session = session;
        this.search = search;
        this.showResults = showResults;
        text.addListener((obs, o, n) -> problem.set(null));
    }

    // Commands

    public void submit() {
        List<Reading> readings = LookupRecognizer.recognize(text.get());
        choices.clear();
        if (readings.isEmpty()) {
            problem.set(text.get() == null || text.get().isBlank() ? null : session.text("lookup.unrecognised"));
        } else if (readings.size() == 1) {
            choose(readings.get(0));
        } else {
            choices.setAll(readings);
        }
    }

    public void choose(Reading reading) {
        choices.clear();
        problem.set(null);
        showResults.run();
        search.lookup(reading);
    }

    /** How a reading is offered in the choice menu, in the operator's language. */
    public String describe(Reading reading) {
        if (reading instanceof Reading.Phone p) {
            return session.text("lookup.reading.phone", p.phone());
        }
        if (reading instanceof Reading.Email e) {
            return session.text("lookup.reading.email", e.email());
        }
        if (reading instanceof Reading.Login l) {
            return session.text("lookup.reading.login", l.loginSource(), l.loginId());
        }
        if (reading instanceof Reading.Phones ps) {
            return session.text("lookup.reading.phones", ps.phones().size());
        }
        List<String> ids = ((Reading.IdentityIds) reading).identityIds();
        return ids.size() == 1 ? session.text("lookup.reading.identityId", ids.get(0))
                : session.text("lookup.reading.identityIds", ids.size());
    }

    // Properties

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ObservableList<Reading> choices() {
        return choices;
    }
}
