// SPDX-License-Identifier: MIT
#include "RuleChecks.h"

#include "Catalog.h"

#include <QVarLengthArray>

#include <iterator>

namespace mls {

namespace {

/// @p t with each "{name}" replaced by args(name); unknown placeholders are kept as written.
/// The result is allocated once at its exact size: a finding keeps its message.
QString fillTemplate(const QString &t, const MessageArgs &args)
{
    // The values first (a template has a few placeholders), then one allocation.
    struct Part
    {
        qsizetype open, close;
        QString value;
    };
    QVarLengthArray<Part, 6> parts;
    qsizetype size = t.size();
    for (qsizetype i = 0; i < t.size();) {
        const qsizetype open = t.indexOf(QLatin1Char('{'), i);
        const qsizetype close = open < 0 ? -1 : t.indexOf(QLatin1Char('}'), open);
        if (close < 0)
            break;
        QString value = args(QStringView(t).mid(open + 1, close - open - 1));
        if (!value.isNull()) {
            size += value.size() - (close - open + 1);
            parts.push_back(Part{open, close, std::move(value)});
        }
        i = close + 1;
    }
    if (parts.isEmpty())
        return t;
    QString m;
    m.reserve(size);
    qsizetype i = 0;
    for (const Part &p : parts) {
        m += QStringView(t).mid(i, p.open - i);
        m += p.value;
        i = p.close + 1;
    }
    m += QStringView(t).mid(i);
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
    return Finding(rule, severity, fillTemplate(rule.message, args), components, connections);
}

Finding makeFinding(const Rule &rule, Severity severity, const MessageArgs &args, QStringList ids,
                    qsizetype componentCount)
{
    return Finding(rule, severity, fillTemplate(rule.message, args), std::move(ids),
                   componentCount);
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
