package io.vpcportal.platform.web;

import io.vpcportal.platform.FieldViolation;
import java.util.List;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;

/**
 * Puts the domain's messages beside the form fields they name, so that forms show the same messages as the
 * API. A message about a field the form does not show goes on top of the form instead of failing the page.
 */
public final class FormErrors {

    private FormErrors() {
    }

    public static void reject(BindingResult binding, List<FieldViolation> violations) {
        BeanWrapperImpl form = binding.getTarget() == null ? null : new BeanWrapperImpl(binding.getTarget());
        for (FieldViolation v : violations) {
            if (form != null && form.isReadableProperty(v.field())) {
                binding.rejectValue(v.field(), "rule", v.message());
            } else {
                binding.reject("rule", v.field() + " " + v.message());
            }
        }
    }
}
