// SPDX-License-Identifier: MIT
#include "MetaFields.h"

namespace mls::known {

namespace {
const char *const SummaryKey = "summary";
const char *const TagsKey = "tags";
const char *const StepsKey = "steps";
const char *const SeverityOverridesKey = "severity_overrides";

const Json *objectAt(const Meta &meta, const char *key)
{
    auto it = meta.extra.find(key);
    return it != meta.extra.end() && it->is_object() ? &*it : nullptr;
}
} // namespace

QString templateSummary(const Meta &meta)
{
    auto it = meta.extra.find(SummaryKey);
    return it != meta.extra.end() && it->is_string() ? toQt(it->get<std::string>()) : QString();
}

QStringList templateTags(const Meta &meta)
{
    QStringList list;
    auto it = meta.extra.find(TagsKey);
    if (it == meta.extra.end() || !it->is_array())
        return list;
    for (const Json &v : *it) {
        if (v.is_string())
            list << toQt(v.get<std::string>());
    }
    return list;
}

QVector<std::pair<QString, QString>> stepNotesInOrder(const Meta &meta)
{
    QVector<std::pair<QString, QString>> notes;
    if (const Json *steps = objectAt(meta, StepsKey)) {
        for (auto it = steps->begin(); it != steps->end(); ++it) {
            if (it.value().is_string())
                notes.push_back({toQt(it.key()), toQt(it.value().get<std::string>())});
        }
    }
    return notes;
}

QHash<QString, QString> stepNotes(const Meta &meta)
{
    QHash<QString, QString> notes;
    for (const auto &[step, text] : stepNotesInOrder(meta))
        notes.insert(step, text);
    return notes;
}

Meta withStepNote(Meta meta, const QString &step, const QString &text)
{
    Json &steps = meta.extra[StepsKey];
    if (!steps.is_object())
        steps = Json::object();
    steps[toStd(step)] = toStd(text);
    return meta;
}

QHash<QString, QString> severityOverrides(const Meta &meta)
{
    QHash<QString, QString> result;
    if (const Json *overrides = objectAt(meta, SeverityOverridesKey)) {
        for (auto it = overrides->begin(); it != overrides->end(); ++it)
            result.insert(toQt(it.key()),
                          it->is_string() ? toQt(it->get<std::string>()) : QString());
    }
    return result;
}

} // namespace mls::known
