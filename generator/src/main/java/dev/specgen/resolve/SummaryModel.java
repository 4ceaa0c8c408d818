package dev.specgen.resolve;

import java.util.List;

/** The seed's "Output Format": endpoints, models and business logic, as printed lines. */
public final class SummaryModel {
    public final List<String> endpoints;
    public final List<String> models;
    public final List<String> logic;

    SummaryModel(List<String> endpoints, List<String> models, List<String> logic) {
        this.endpoints = List.copyOf(endpoints);
        this.models = List.copyOf(models);
        this.logic = List.copyOf(logic);
    }
}
