package io.dashshare.domain.execution;

import io.dashshare.domain.filter.EffectiveParameters;
import java.util.List;

public record DashboardResult(EffectiveParameters parameters, List<WidgetResult> widgets) {

    public DashboardResult {
        widgets = List.copyOf(widgets);
    }
}
