#include "RuleChecks.h"

#include <iterator>

namespace mls {

namespace {

// clang-format off
const CheckType checks[] = {
    {"flow_compatible",      nullptr,                checkFlowCompatible,      nullptr, ""},
    {"self_loop",            nullptr,                checkSelfLoop,            nullptr, ""},
    {"requests_into_offline", nullptr,               checkRequestsIntoOffline, nullptr, ""},
    {"forbidden_connection", nullptr,                checkForbiddenConnection, nullptr, "from_kinds to_kinds flows"},
    {"duplicate_connection", nullptr,                checkDuplicateConnection, nullptr, ""},
    {"unknown_kind_or_flow", checkUnknownKind,       checkUnknownFlow,         nullptr, ""},
    {"requires_incoming",    checkRequiresIncoming,  nullptr,                  nullptr, "kinds flows"},
    {"requires_outgoing",    checkRequiresOutgoing,  nullptr,                  nullptr, "kinds flows"},
    {"orphan",               checkOrphan,            nullptr,                  nullptr, ""},
    {"sync_cycle",           nullptr,                nullptr, checkSyncCycle,           ""},
    {"training_serving_skew", nullptr,               nullptr, checkTrainingServingSkew, "kinds"},
    {"unmonitored_model",    nullptr,                nullptr, checkUnmonitoredModel,    "kinds to_kinds"},
    {"no_feedback_loop",     nullptr,                nullptr, checkNoFeedbackLoop,      "kinds"},
    {"latency_budget",       nullptr,                nullptr, checkLatencyBudget,       ""},
};
// clang-format on

} // namespace

const CheckType *findCheck(const QString &name)
{
    for (const CheckType &c : checks) {
        if (name == QLatin1String(c.name))
            return &c;
    }
    return nullptr;
}

QStringList checkNames()
{
    QStringList names;
    for (const CheckType &c : checks)
        names << QLatin1String(c.name);
    return names;
}

Finding makeFinding(const Rule &rule, Severity severity, const QHash<QString, QString> &args,
                    const QStringList &components, const QStringList &connections)
{
    Finding f;
    f.rule = rule.id;
    f.severity = severity;
    f.title = rule.title;
    f.explanation = rule.explanation;
    f.fix = rule.fix;
    f.components = components;
    f.connections = connections;
    QString m = rule.message;
    for (auto it = args.cbegin(); it != args.cend(); ++it)
        m.replace(QLatin1Char('{') + it.key() + QLatin1Char('}'), it.value());
    f.message = m;
    return f;
}

} // namespace mls
