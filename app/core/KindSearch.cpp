// SPDX-License-Identifier: MIT
#include "KindSearch.h"

#include "Catalog.h"
#include "import/KindRecognizer.h"

#include <QRegularExpression>

#include <algorithm>

namespace mls {

namespace {

QStringList words(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[^\\w]+"));
    return text.toLower().split(separators, Qt::SkipEmptyParts);
}

bool containsAll(const QString &haystack, const QStringList &terms)
{
    return std::all_of(terms.begin(), terms.end(), [&](const QString &term) {
        return haystack.contains(term, Qt::CaseInsensitive);
    });
}

bool everyTermStartsAWord(const QStringList &labelWords, const QStringList &terms)
{
    return std::all_of(terms.begin(), terms.end(), [&](const QString &term) {
        return std::any_of(labelWords.begin(), labelWords.end(),
                           [&](const QString &word) { return word.startsWith(term); });
    });
}

} // namespace

KindMatch matchKind(const KindInfo &kind, const QString &categoryLabel, const QString &query)
{
    const QString wanted = query.simplified().toLower();
    if (wanted.isEmpty())
        return KindMatch::ExactName;
    const QString label = kind.label.simplified().toLower();
    const QStringList terms = wanted.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (label == wanted)
        return KindMatch::ExactName;
    if (label.startsWith(wanted))
        return KindMatch::NamePrefix;
    if (everyTermStartsAWord(words(label), terms))
        return KindMatch::WordPrefix;
    if (containsAll(label, terms))
        return KindMatch::NameText;
    QString id = kind.id;
    const QStringList products = KindRecognizer::exampleProducts(kind.description);
    const QString idAndProducts = kind.id + QLatin1Char('\n') +
                                  id.replace(QLatin1Char('_'), QLatin1Char(' ')) +
                                  QLatin1Char('\n') + products.join(QLatin1Char('\n'));
    if (containsAll(idAndProducts, terms))
        return KindMatch::IdOrProduct;
    const QString everything = idAndProducts + QLatin1Char('\n') + kind.label + QLatin1Char('\n') +
                               categoryLabel + QLatin1Char('\n') + kind.description;
    if (containsAll(everything, terms))
        return KindMatch::OtherText;
    return KindMatch::NoMatch;
}

QStringList rankKinds(const Catalog &catalog, const QString &query)
{
    struct Hit
    {
        KindMatch match;
        int order;
        QString id;
    };
    std::vector<Hit> hits;
    for (const KindInfo &kind : catalog.kinds()) {
        QString categoryLabel;
        for (const Category &category : catalog.categories())
            if (category.id == kind.category)
                categoryLabel = category.label;
        const KindMatch match = matchKind(kind, categoryLabel, query);
        if (match != KindMatch::NoMatch)
            hits.push_back({match, int(hits.size()), kind.id});
    }
    std::stable_sort(hits.begin(), hits.end(),
                     [](const Hit &a, const Hit &b) { return a.match < b.match; });
    QStringList ids;
    for (const Hit &hit : hits)
        ids << hit.id;
    return ids;
}

} // namespace mls
