// SPDX-License-Identifier: MIT
#include "RuleChecks.h"

#include "Catalog.h"

#include <QVarLengthArray>

#include <iterator>

namespace mls {

namespace {

/// The placeholders of a message template: where each "{" and its "}" are.
struct TemplateHoles
{
    const QChar *data = nullptr; ///< the template's characters (an interned rule's: never freed)
    qsizetype size = -1;
    QVarLengthArray<std::pair<qsizetype, qsizetype>, 6> holes;
};

/// The placeholders of @p rule's message, parsed once per rule: the template is the interned
/// copy's, whose characters live as long as the program, so their address identifies it.
const TemplateHoles &holesOf(const Rule &rule)
{
    const QString &t = Finding::intern(rule)->message;
    thread_local TemplateHoles cache[64];
    TemplateHoles &slot = cache[(quint64(quintptr(t.constData())) * 0x9E3779B97F4A7C15ull) >> 58];
    if (slot.data == t.constData() && slot.size == t.size())
        return slot;
    slot.data = t.constData();
    slot.size = t.size();
    slot.holes.clear();
    for (qsizetype i = 0; i < t.size();) {
        const qsizetype open = t.indexOf(QLatin1Char('{'), i);
        const qsizetype close = open < 0 ? -1 : t.indexOf(QLatin1Char('}'), open);
        if (close < 0)
            break;
        slot.holes.push_back({open, close});
        i = close + 1;
    }
    return slot;
}

/// Appends @p rule's message to @p m with each "{name}" replaced by what write(name, m)
/// appends; a name it does not know (it returns false) is kept as written.
template <typename Write> void fillInto(QString &m, const Rule &rule, Write &&write)
{
    const TemplateHoles &parsed = holesOf(rule);
    const QStringView t(parsed.data, parsed.size); // the interned template: never freed
    const auto holes = parsed.holes;               // a copy (inline): the slot is the cache's
    qsizetype i = 0;
    for (const auto &[open, close] : holes) {
        m += t.mid(i, open - i);
        const qsizetype before = m.size();
        if (!write(t.mid(open + 1, close - open - 1), m)) {
            m.truncate(before);
            m += t.mid(open, close - open + 1);
        }
        i = close + 1;
    }
    m += t.mid(i);
}

/// The per-thread string a message is written into before the finding copies it at its size:
/// its room stays between messages, so writing one allocates nothing. One message at a time
/// (no writer renders another); room past 16K characters (a long cycle's or path's message)
/// is let go afterwards.
class MessageBuffer
{
public:
    MessageBuffer() : m_text(state().text)
    {
        Q_ASSERT(!state().inUse);
        state().inUse = true;
        m_text.resize(0); // keeps the room
    }
    ~MessageBuffer()
    {
        state().inUse = false;
        if (m_text.capacity() > 16 * 1024)
            m_text = QString();
    }
    MessageBuffer(const MessageBuffer &) = delete;
    MessageBuffer &operator=(const MessageBuffer &) = delete;
    QString &text() { return m_text; }

private:
    struct State
    {
        QString text;
        bool inUse = false;
    };
    static State &state()
    {
        thread_local State s;
        return s;
    }
    QString &m_text;
};

/// A finding of @p rule with its message filled by @p write (one allocation: the finding's).
template <typename Write>
Finding fillFinding(const Rule &rule, Severity severity, Write &&write, QStringList ids,
                    qsizetype componentCount)
{
    if (holesOf(rule).holes.isEmpty())
        return Finding(rule, severity, rule.message, std::move(ids), componentCount);
    MessageBuffer buffer;
    fillInto(buffer.text(), rule, write);
    return Finding(rule, severity, QStringView(buffer.text()), std::move(ids), componentCount);
}

/// Adapts MessageArgs (a value per name, null for an unknown name) to a writer.
auto fromArgs(const MessageArgs &args)
{
    return [&args](QStringView name, QString &out) {
        const QString value = args(name);
        if (value.isNull())
            return false;
        out += value;
        return true;
    };
}

/// The ids of @p components then @p connections in one list.
QStringList joined(const QStringList &components, const QStringList &connections)
{
    if (connections.isEmpty())
        return components;
    QStringList ids;
    ids.reserve(components.size() + connections.size());
    ids << components << connections;
    return ids;
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
    return fillFinding(rule, severity, fromArgs(args), joined(components, connections),
                       components.size());
}

Finding makeFinding(const Rule &rule, Severity severity, const MessageArgs &args, QStringList ids,
                    qsizetype componentCount)
{
    return fillFinding(rule, severity, fromArgs(args), std::move(ids), componentCount);
}

Finding makeFinding(const Rule &rule, Severity severity, const MessageWriter &write,
                    QStringList ids, qsizetype componentCount)
{
    return fillFinding(rule, severity, write, std::move(ids), componentCount);
}

QString messageLabel(const Diagram &d, const QString &id)
{
    const Component *c = d.component(id);
    return c ? Catalog::builtin().displayName(*c) : id;
}

namespace {

/// Writes the values of @p args with the labels @p label gives for component ids.
template <typename Label> auto labelWriter(const LabelArgs &args, Label &&label)
{
    return [&args, label](QStringView name, QString &out) {
        for (const LabelArg &a : args) {
            if (a.name != name)
                continue;
            if (a.ids.isEmpty()) {
                out += a.literal;
                return !a.literal.isNull();
            }
            bool any = a.quote; // a value of nothing but null labels is kept as written
            for (qsizetype i = 0; i < a.ids.size(); ++i) {
                if (i > 0)
                    out += a.separator;
                if (a.quote)
                    out += QLatin1Char('"');
                const QString text = label(a.ids[i]);
                any = any || !text.isNull();
                out += text;
                if (a.quote)
                    out += QLatin1Char('"');
            }
            return any;
        }
        return false;
    };
}

} // namespace

QString renderMessage(const Rule &rule, const Diagram &d, const LabelArgs &args)
{
    if (holesOf(rule).holes.isEmpty())
        return rule.message;
    MessageBuffer buffer;
    fillInto(buffer.text(), rule,
             labelWriter(args, [&d](const QString &id) { return messageLabel(d, id); }));
    return QString(buffer.text().constData(), buffer.text().size()); // at its size, unshared
}

Finding CheckContext::makeLabelled(const LabelArgs &args, const QStringList &components,
                                   const QStringList &connections) const
{
    if (labelled)
        labelled->push_back(args);
    const RuleGraph &g = graph;
    return fillFinding(rule, severity,
                       labelWriter(args,
                                   [&g](const QString &id) {
                                       // As messageLabel() (the built-in catalog's names, as
                                       // a re-render after a rename), by node instead of by id.
                                       const int n = g.indexOfCopy(id);
                                       return n >= 0 ? Catalog::builtin().displayName(g.node(n))
                                                     : messageLabel(g.diagram(), id);
                                   }),
                       joined(components, connections), components.size());
}

} // namespace mls
