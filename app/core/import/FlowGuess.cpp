// SPDX-License-Identifier: MIT
#include "FlowGuess.h"

#include "Catalog.h"
#include "KindRecognizer.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <utility>
#include <vector>

namespace mls {

namespace {

struct FlowWords
{
    const char *flow;
    const char *phrases; ///< '|'-separated, lower case
};

const FlowWords flowWords[] = {
    {"features", "feature|features|get features|update features|write features|feature values"},
    {"embeddings", "embedding|embeddings|vector|vectors|embed|upsert|encode|encoded|index vectors"},
    {"candidates", "candidate|candidates|results|retrieved|retrieve|top k|topk|ann search|hits|"
                   "chunks|context|matches|search results|documents found"},
    {"training_data", "training data|train data|dataset|datasets|training set|samples|"
                      "train set|training examples"},
    {"labels", "label|labels|feedback|annotation|annotations|ground truth|outcomes"},
    {"model", "model|models|load model|deploy|deploys|weights|artifact|artifacts|register|"
              "checkpoint|promote|publish model|model version|serve model"},
    {"predictions", "prediction|predictions|score|scores|response|answer|answers|"
                    "recommendations|output|inference result|sentiment|classified"},
    {"metrics", "metric|metrics|alert|alerts|monitor|telemetry|scrape|stats|drift|logs|log"},
    {"events", "event|events|log events|clicks|impressions|publish|produce|emit|enqueue|"
               "message|messages|stream|streaming|stream data|kafka|topic|sink"},
    {"requests", "request|requests|call|calls|query|queries|http|https|rest|grpc|invoke|ask|"
                 "api call|search|get|post|ingress|user query|prompt"},
    {"batch_data", "batch|dump|export|read write|read|write|etl|raw data|data|ingest|upload|"
                   "load|sync|copy|files|documents|parquet|store|save|persist|backup"},
};

} // namespace

QStringList FlowGuess::named(const QString &text) const
{
    if (text.trimmed().isEmpty())
        return {};
    const QString hay = KindRecognizer::haystack(text);
    QStringList out;
    // The phrases, padded with spaces, split once per process.
    static const auto table = [] {
        std::vector<std::pair<QString, QStringList>> t;
        for (const FlowWords &w : flowWords) {
            QStringList padded;
            for (const QString &p : QString::fromLatin1(w.phrases).split(QLatin1Char('|')))
                padded << QLatin1Char(' ') + p + QLatin1Char(' ');
            t.emplace_back(QString::fromLatin1(w.flow), padded);
        }
        return t;
    }();
    for (const auto &[flow, phrases] : table) {
        for (const QString &p : phrases) {
            if (hay.contains(p)) {
                out << flow;
                break;
            }
        }
    }
    return out;
}

void FlowGuess::choose(const QString &fromKind, const QString &toKind, const QString &edgeLabel,
                       QString *flow, QString *label, QString *note) const
{
    *label = edgeLabel;
    // What the exporters write: "Flow label" alone, or "label (Flow label)".
    static const QRegularExpression suffix(QStringLiteral("^(.*) \\(([^()]+)\\)$"),
                                           QRegularExpression::DotMatchesEverythingOption);
    for (const FlowType &f : m_catalog.flows()) {
        if (edgeLabel.compare(f.label, Qt::CaseInsensitive) == 0 || edgeLabel == f.id) {
            *flow = f.id;
            label->clear();
            return;
        }
    }
    const auto m = suffix.match(edgeLabel);
    if (m.hasMatch()) {
        for (const FlowType &f : m_catalog.flows()) {
            if (m.captured(2).compare(f.label, Qt::CaseInsensitive) == 0) {
                *flow = f.id;
                *label = m.captured(1);
                return;
            }
        }
    }
    const QStringList compatible = m_catalog.compatibleFlows(fromKind, toKind);
    const QStringList mentioned = named(edgeLabel);
    for (const QString &f : mentioned) {
        if (compatible.contains(f)) {
            *flow = f;
            return;
        }
    }
    if (compatible.size() == 1) {
        *flow = compatible.constFirst();
        return;
    }
    if (!compatible.isEmpty()) {
        // Between two online services the arrow is a call; otherwise the catalog's order.
        const KindInfo *a = m_catalog.kind(fromKind);
        const KindInfo *b = m_catalog.kind(toKind);
        const auto sync =
            std::find_if(compatible.cbegin(), compatible.cend(), [this](const QString &f) {
                const FlowType *type = m_catalog.flow(f);
                return type && type->synchronous;
            });
        const bool call = a && b && a->placement == Placement::Online &&
                          b->placement == Placement::Online && sync != compatible.cend();
        *flow = call ? *sync : compatible.constFirst();
        *note = QStringLiteral("flow guessed as \"%1\" (%2 fit)")
                    .arg(*flow, compatible.join(QLatin1String(", ")));
        return;
    }
    const KindInfo *source = m_catalog.kind(fromKind);
    *flow = !mentioned.isEmpty()                    ? mentioned.constFirst()
            : source && !source->produces.isEmpty() ? source->produces.constFirst()
                                                    : QStringLiteral("requests");
    *note = QStringLiteral("no flow fits %1 → %2; \"%3\" chosen, the rules flag it")
                .arg(m_catalog.kindLabel(fromKind), m_catalog.kindLabel(toKind), *flow);
}

} // namespace mls
