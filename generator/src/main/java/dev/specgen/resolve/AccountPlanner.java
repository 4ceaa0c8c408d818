package dev.specgen.resolve;

import dev.specgen.actions.AccountShape;
import dev.specgen.contract.Contract;
import dev.specgen.contract.Operation;
import dev.specgen.contract.SchemaView;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.modeldoc.BindingDoc;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.modeldoc.FieldDoc;
import dev.specgen.modeldoc.ModelDoc;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Plans the register, login and logout routes from the same reading validate checked (AccountShape). */
final class AccountPlanner {
    private final Resolver resolver;
    private final Contract contract;
    private final ModelDoc model;

    AccountPlanner(Resolver resolver, Contract contract, ModelDoc model) {
        this.resolver = resolver;
        this.contract = contract;
        this.model = model;
    }

    AccountsModel plan() {
        AccountsModel.Route register = null;
        AccountsModel.Route login = null;
        AccountShape users = null;
        boolean loginIsEmail = false;
        List<AccountsModel.Logout> logouts = new ArrayList<>();
        for (Operation operation : contract.operations()) {
            BindingDoc binding = model.bindingFor(operation).orElse(null);
            if (binding == null) {
                continue;
            }
            String action = binding.action();
            String function = Names.function(binding.key());
            String status = operation.successResponses().keySet().stream().findFirst().orElse("200");
            if ("logout".equals(action)) {
                logouts.add(new AccountsModel.Logout(operation.path(), function, operation.operationId().orElse(null),
                        status, operation.requiresToken()));
                continue;
            }
            if (!"register".equals(action) && !"login".equals(action)) {
                continue;
            }
            boolean isRegister = "register".equals(action);
            Optional<EntityDoc> entity = AccountShape.users(model, binding, null);
            AccountShape shape = AccountShape.read(contract, operation, binding, entity, new Diagnostics(), isRegister)
                    .orElseThrow(() -> new IllegalStateException(binding.key() + " was validated"));
            users = shape;
            loginIsEmail |= operation.requestSchema().flatMap(s -> SchemaView.of(contract, s))
                    .flatMap(s -> s.property(shape.loginField.name())).flatMap(SchemaView::format)
                    .filter("email"::equals).isPresent() || shape.loginField.name().contains("email");
            String publicClass = resolver.schemaClassNames().of(shape.entity, "public");
            List<AccountsModel.BodyField> fields = new ArrayList<>();
            for (FieldDoc field : shape.bodyFields) {
                if (!field.equals(shape.loginField)) {
                    fields.add(new AccountsModel.BodyField(PyLiteral.str(field.name()), Names.attribute(field.name())));
                }
            }
            Optional<SchemaView> answer = operation.jsonSchemaOf(operation.successResponses().values().iterator()
                    .next()).flatMap(s -> SchemaView.of(contract, s));
            List<AccountsModel.Member> members = new ArrayList<>();
            boolean tokenBody = shape.answer.stream().anyMatch(m -> "token".equals(m.kind()));
            for (AccountShape.Member m : shape.answer) {
                boolean rowIsPublic = "row".equals(m.kind()) && answer.flatMap(a -> a.property(m.name()))
                        .flatMap(SchemaView::componentName).filter(publicClass::equals).isPresent();
                List<AccountsModel.BodyField> rowFields = m.rowFields().stream().map(f -> new AccountsModel.BodyField(
                        PyLiteral.str(f), Names.attribute(f))).toList();
                members.add(new AccountsModel.Member(PyLiteral.str(m.name()), m.kind(), m.field() == null ? null
                        : Names.attribute(m.field()), rowIsPublic, rowFields));
            }
            boolean answersRow = isRegister && !tokenBody && answer.flatMap(SchemaView::componentName)
                    .filter(publicClass::equals).isPresent();
            if (isRegister && !tokenBody && !answersRow) {
                // Fields of the row answered one by one, as a login's would be.
                answersRow = false;
            }
            AccountsModel.Route route = new AccountsModel.Route(isRegister, operation.path(), function,
                    operation.operationId().orElse(null), operation.successResponses().keySet().iterator().next(),
                    fields, answersRow, members, null);
            if (isRegister) {
                register = route;
            } else {
                login = route;
            }
        }
        if (users == null) {
            return new AccountsModel(null, null, null, false, null, null, false, null, null, null, logouts);
        }
        String keyType = users.keyField.node().text("type").orElse("");
        return new AccountsModel(users.entity.name(), resolver.schemaClassNames().of(users.entity,
                "public"), Names.attribute(users.keyField.name()), "uuid".equals(keyType),
                Names.attribute(users.loginField.name()), users.loginField.name(), loginIsEmail,
                Names.attribute(users.hashField.name()),
                register, login, logouts);
    }
}
