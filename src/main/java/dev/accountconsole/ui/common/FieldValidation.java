package dev.accountconsole.ui.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import org.controlsfx.control.decoration.Decoration;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

/**
 * A form's fields under ControlsFX's {@link ValidationSupport}: each invalid field gets the graphic
 * decoration (an error mark whose tooltip is the message) and the {@code invalid} style class.
 *
 * <p>The support holds no rules of its own. Each field's validator reads the message its view model
 * computed from {@code account/Validation} (localized, naming the field and the fix), so the
 * decoration, the message shown in the form and the service always agree, and a rule that
 * spans fields (a location code changing the phone rule, the password confirmation) redecorates the
 * field it concerns as soon as the view model's message changes.
 */
public final class FieldValidation {
    private static final String INVALID = "invalid";
    /** The style class of the error mark on an invalid field. */
    public static final String DECORATION_STYLE_CLASS = "validation-decoration";

    private final ValidationSupport support = new ValidationSupport();
    private final List<ChangeListener<String>> listeners = new ArrayList<>();

    public FieldValidation() {
        support.setValidationDecorator(new OnFieldDecoration());
        // The view model decides when a message is worth showing (once a field has content, or after
        // a submit); ControlsFX's own "not before the first edit" gate would only hide some of them.
        support.initInitialDecoration();
    }

    /**
     * Decorates {@code field} while {@code error} holds a message.
     *
     * @param error the view model's message for this field, null while it is valid
     */
    public void register(Control field, ObservableStringValue error) {
        Validator<Object> fromViewModel = (control, value) ->
                ValidationResult.fromErrorIf(control, error.get(), error.get() != null);
        support.registerValidator(field, false, fromViewModel);
        field.getProperties().put(FieldValidation.class, this);
        ChangeListener<String> follow = (obs, was, now) -> {
            support.revalidate(field);
            markInvalid(field, now != null);
        };
        // The view model outlives the form (a language switch builds new views): it must not keep
        // the old fields alive through this listener.
        listeners.add(follow);
        error.addListener(new WeakChangeListener<>(follow));
        markInvalid(field, error.get() != null);
    }

    /** The validation a field was registered with, or null. */
    public static FieldValidation of(Control field) {
        return field.getProperties().get(FieldValidation.class) instanceof FieldValidation v ? v : null;
    }

    /** ControlsFX's current result: one error message per invalid field (what tests check). */
    public ValidationResult result() {
        return support.getValidationResult();
    }

    private static void markInvalid(Control field, boolean invalid) {
        field.getStyleClass().remove(INVALID);
        if (invalid) {
            field.getStyleClass().add(INVALID);
        }
    }

    /**
     * ControlsFX's graphic decoration, put on the field directly. Its default route,
     * {@code Decorator}, first looks for a {@code DecorationPane} above the field and, finding none,
     * makes one the scene's root, moving the window's own root inside it. Going straight to the field
     * leaves the window's root alone.
     * A field is only decorated once it has a skin: the decoration joins the skin's children, which
     * ControlsFX would otherwise reach by reflection into {@code javafx.scene}, closed to the class
     * path where JavaFX runs as named modules (the packaged console).
     */
    private static final class OnFieldDecoration extends GraphicValidationDecoration {
        private static final String APPLIED = OnFieldDecoration.class.getName();

        /** ControlsFX's mark and tooltip, with a style class to find it by. */
        @Override
        protected Node createDecorationNode(ValidationMessage message) {
            Node mark = super.createDecorationNode(message);
            mark.getStyleClass().add(DECORATION_STYLE_CLASS);
            return mark;
        }

        @Override
        public void applyValidationDecoration(ValidationMessage message) {
            decorate(message.getTarget(), createValidationDecorations(message));
        }

        @Override
        public void applyRequiredDecoration(Control target) {
            if (ValidationSupport.isRequired(target)) {
                decorate(target, createRequiredDecorations(target));
            }
        }

        @Override
        public void removeDecorations(Control target) {
            Object applied = target.getProperties().remove(APPLIED);
            if (applied instanceof Collection<?> decorations && target.getSkin() != null) {
                decorations.forEach(d -> ((Decoration) d).removeDecoration(target));
            }
        }

        private static void decorate(Control target, Collection<Decoration> decorations) {
            target.getProperties().put(APPLIED, decorations);
            if (target.getSkin() != null) {
                decorations.forEach(d -> d.applyDecoration(target));
                return;
            }
            target.skinProperty().addListener(new ChangeListener<Skin<?>>() {
                @Override
                public void changed(ObservableValue<? extends Skin<?>> obs, Skin<?> was, Skin<?> now) {
                    target.skinProperty().removeListener(this);
                    // Still wanted: nothing removed it while the field had no skin.
                    if (now != null && target.getProperties().get(APPLIED) == decorations) {
                        decorations.forEach(d -> d.applyDecoration(target));
                    }
                }
            });
        }
    }
}
