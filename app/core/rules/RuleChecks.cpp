// SPDX-License-Identifier: MIT
#include "RuleChecks.h"

#include "Catalog.h"

#include <iterator>

namespace mls {

namespace {

/// @p t with each "{name}" replaced by args(name); unknown placeholders are kept as written.
QString fillTemplate(const QString &t, const MessageArgs &args)
{
    // One pass over the template; unknown placeholders are kept as written.
    QString m;
    m.reserve(t.size() + 32);
    qsizetype i = 0;
    while (i < t.size()) {
        const qsizetype open = t.indexOf(QLatin1Char('{'), i);
        const qsizetype close = open < 0 ? -1 : t.indexOf(QLatin1Char('}'), open);
        if (close < 0) {
            m += QStringView(t).mid(i);
            break;
        }
        m += QStringView(t).mid(i, open - i);
        const QString value = args(QStringView(t).mid(open + 1, close - open - 1));
        m += value.isNull() ? QStringView(t).mid(open, close - open + 1) : QStringView(value);
        i = close + 1;
    }
    return m;
}

// The last column of a graph check is what it reads (CheckReads: flows, calls, data, any flow
// leaving which components, latency): keep it in step with the check's walks.
// clang-format off
const CheckType checks[] = {
    {"flow_compatible",      nullptr,                checkFlowCompatible,      nullptr, "", {}},
    {"self_loop",            nullptr,                checkSelfLoop,            nullptr, "", {}},
    {"requests_into_offline", nullptr,               checkRequestsIntoOffline, nullptr, "", {}},
    {"forbidden_connection", nullptr,                checkForbiddenConnection, nullptr, "from_kinds to_kinds flows", {}},
    {"duplicate_connection", nullptr,                checkDuplicateConnection, nullptr, "", {}},
    {"unknown_kind_or_flow", checkUnknownKind,       checkUnknownFlow,         nullptr, "", {}},
    {"requires_incoming",    checkRequiresIncoming,  nullptr,                  nullptr, "kinds flows", {}},
    {"requires_outgoing",    checkRequiresOutgoing,  nullptr,                  nullptr, "kinds flows", {}},
    {"orphan",               checkOrphan,            nullptr,                  nullptr, "", {}},
    {"sync_cycle",           nullptr,                nullptr, checkSyncCycle,           "", {"", true, false, "", false}},
    {"training_serving_skew", nullptr,               nullptr, checkTrainingServingSkew, "kinds", {"features model", false, true, "", false}, &skewStarts},
    {"unmonitored_model",    nullptr,                nullptr, checkUnmonitoredModel,    "kinds to_kinds", {"predictions metrics events batch_data labels", true, false, "", false}, &unmonitoredModelStarts},
    {"no_feedback_loop",     nullptr,                nullptr, checkNoFeedbackLoop,      "kinds", {"model", true, true, "", false}, &feedbackLoopStarts},
    {"latency_budget",       nullptr,                nullptr, checkLatencyBudget,       "", {"", true, false, "store", true}},
    {"ungated_registry",     nullptr,                nullptr, checkUngatedRegistry,     "kinds from_kinds to_kinds", {"model", false, false, "", false}, &ungatedRegistryStarts},
    {"unmonitored_features", nullptr,                nullptr, checkUnmonitoredFeatures, "kinds to_kinds", {"features metrics events batch_data", false, false, "", false}, &unmonitoredFeaturesStarts},
    {"embedding_mismatch",   nullptr,                nullptr, checkEmbeddingMismatch,   "kinds from_kinds", {"embeddings model", true, false, "kinds", false}, &embeddingStarts},
    {"self_trained_model",   nullptr,                nullptr, checkSelfTrainedModel,    "kinds", {"model", true, true, "", false}, &selfTrainedStarts},
    {"unfed_registry",       nullptr,                nullptr, checkUnfedRegistry,       "kinds from_kinds", {"model", false, false, "", false}, &unfedRegistryStarts},
    {"no_fallback",          nullptr,                nullptr, checkNoFallback,          "kinds to_kinds", {"model", true, false, "to_kinds", false}, &noFallbackStarts},
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

Finding makeFinding(const Rule &rule, Severity severity, const MessageArgs &args,
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
    f.message = fillTemplate(rule.message, args);
    return f;
}

QString messageLabel(const Diagram &d, const QString &id)
{
    const Component *c = d.component(id);
    return c ? Catalog::builtin().displayName(*c) : id;
}

QString renderMessage(const Rule &rule, const Diagram &d, const LabelArgs &args)
{
    return fillTemplate(rule.message, [&](QStringView name) {
        for (const LabelArg &a : args) {
            if (a.name != name)
                continue;
            if (a.ids.isEmpty())
                return a.literal;
            QString value;
            for (qsizetype i = 0; i < a.ids.size(); ++i) {
                if (i > 0)
                    value += a.separator;
                const QString label = messageLabel(d, a.ids[i]);
                value += a.quote ? QLatin1Char('"') + label + QLatin1Char('"') : label;
            }
            return value;
        }
        return QString();
    });
}

} // namespace mls
