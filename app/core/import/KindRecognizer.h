// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QString>
#include <QVector>

namespace mls {

class Catalog;

/// Tells a component kind from the names people give nodes: product names ("Kafka",
/// "Milvus", "MLflow"), roles ("feature store", "ranker"), common abbreviations ("LLM",
/// "DB") and the catalog's own kind labels. A general table, scored: the kind with the most
/// weight wins; a name that matches nothing gets the generic `service` (or `datastore` when
/// drawn as a database).
class KindRecognizer
{
public:
    struct Guess
    {
        QString kind;
        double score = 0; ///< 0: nothing recognised, the generic kind
        /// The label names the kind itself (what mlsketch's exporters write): not a guess.
        bool stated = false;
    };

    explicit KindRecognizer(const Catalog &catalog);
    /// The recognizer of the built-in catalog, built once (on first use, thread-safe) and
    /// never changed after: building one reads a few hundred phrases, which cost more than
    /// recognising every node of a typical import.
    static const KindRecognizer &builtin();
    /// The kind for a node with this id and label; @p context is weaker evidence (the labels
    /// of the edges into it); @p cylinder says it is drawn as a database.
    Guess recognise(const QString &id, const QString &label, const QString &context = {},
                    bool cylinder = false) const;
    /// Lower-case words of @p text, camelCase and snake_case split, each word once as written
    /// and once split ("SageMakerEndpoint" → "sagemakerendpoint sage maker endpoint").
    static QString haystack(const QString &text);
    /// The product names of a kind's description ("Examples include X, Y and Z."), also what
    /// the palette's search ranks as products.
    static QStringList exampleProducts(const QString &description);

    static constexpr const char *genericService = "service";
    static constexpr const char *genericStore = "datastore";

private:
    struct Entry
    {
        QString phrase; ///< normalised, padded with spaces
        QStringList words;
        QString kind;
        double weight;
    };
    void add(const QString &phrase, const QString &kind, double weight);
    /// Lower case, words of letters and digits separated by one space.
    static QString plainPhrase(const QString &phrase);
    /// Adds the weight of every phrase in @p haystack but not in @p seen.
    void score(const QString &haystack, const QString &seen, double factor,
               QHash<QString, double> &scores) const;

    const Catalog &m_catalog;
    QVector<Entry> m_entries;
    QHash<QString, QVector<int>> m_byFirstWord; ///< entries by their phrase's first word
    QHash<QString, QString> m_kindLabels;       ///< lower-case kind label → kind id
};

} // namespace mls
