// SPDX-License-Identifier: MIT
#include "ZoneName.h"

#include "Catalog.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

namespace mls::ZoneName {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ZoneName", text);
}

/// A stage of a production ML system and the catalog categories it is made of. A selection
/// whose categories all belong to a stage takes its name; smaller stages come first, so a
/// selection of one category is named after that category.
struct Stage
{
    QSet<QString> categories;
    const char *name;
};

const QVector<Stage> &stages()
{
    static const QVector<Stage> table = {
        {{"training"}, QT_TRANSLATE_NOOP("ZoneName", "Training")},
        {{"features"}, QT_TRANSLATE_NOOP("ZoneName", "Features")},
        {{"streaming"}, QT_TRANSLATE_NOOP("ZoneName", "Streaming")},
        {{"retrieval"}, QT_TRANSLATE_NOOP("ZoneName", "Retrieval")},
        {{"serving"}, QT_TRANSLATE_NOOP("ZoneName", "Serving")},
        {{"monitoring"}, QT_TRANSLATE_NOOP("ZoneName", "Monitoring")},
        {{"clients"}, QT_TRANSLATE_NOOP("ZoneName", "Clients")},
        {{"data"}, QT_TRANSLATE_NOOP("ZoneName", "Data")},
        {{"general"}, QT_TRANSLATE_NOOP("ZoneName", "Services")},
        {{"streaming", "data"}, QT_TRANSLATE_NOOP("ZoneName", "Data pipeline")},
        {{"features", "streaming", "data"}, QT_TRANSLATE_NOOP("ZoneName", "Feature pipeline")},
        {{"training", "features", "data"}, QT_TRANSLATE_NOOP("ZoneName", "Training")},
        {{"monitoring", "streaming", "data"}, QT_TRANSLATE_NOOP("ZoneName", "Monitoring")},
        {{"retrieval", "features", "data"}, QT_TRANSLATE_NOOP("ZoneName", "Retrieval")},
        {{"serving", "retrieval", "clients", "features", "data", "streaming"},
         QT_TRANSLATE_NOOP("ZoneName", "Serving")},
    };
    return table;
}

/// "Serving" of request-path components only (and the stores they read) is online serving;
/// with a batch inference job in it, it is not.
QString refined(const char *name, const QVector<const KindInfo *> &kinds)
{
    if (qstrcmp(name, "Serving") != 0)
        return tr(name);
    bool online = false;
    for (const KindInfo *k : kinds) {
        if (k->placement == Placement::Online)
            online = true;
        else if (k->placement != Placement::Store && k->placement != Placement::Stream)
            return tr(name);
    }
    return online ? tr("Online serving") : tr(name);
}

} // namespace

QString proposed(const Catalog &catalog, const QStringList &kinds)
{
    QVector<const KindInfo *> known;
    QSet<QString> categories;
    QHash<QString, int> counts;
    for (const QString &id : kinds) {
        if (const KindInfo *k = catalog.kind(id)) {
            known.append(k);
            categories.insert(k->category);
            ++counts[k->category];
        }
    }
    if (known.isEmpty())
        return tr("Zone");
    for (const Stage &stage : stages()) {
        if (stage.categories.contains(categories))
            return refined(stage.name, known);
    }
    // No stage covers the mix: the category most of them share (ties: palette order).
    QString best;
    for (const Category &c : catalog.categories()) {
        if (counts.value(c.id) > counts.value(best))
            best = c.id;
    }
    for (const Stage &stage : stages()) {
        if (stage.categories == QSet<QString>{best})
            return tr(stage.name);
    }
    const Category *category = catalog.category(best);
    return category ? category->label : tr("Zone");
}

} // namespace mls::ZoneName
