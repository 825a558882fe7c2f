// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace mls {

class Catalog;

/// Chooses the flow of an imported edge: the flow its label names when the two kinds allow
/// it (or an exporter wrote "label (Flow)"), else the one compatible flow, else the best
/// guess among the compatible ones, else the flow the label names or the source's first —
/// which the rules then flag. Every guess is explained in a note.
class FlowGuess
{
public:
    explicit FlowGuess(const Catalog &catalog) : m_catalog(catalog) {}
    /// Sets @p flow and @p label (the edge label without the flow the exporter added) and,
    /// when the flow was guessed, @p note.
    void choose(const QString &fromKind, const QString &toKind, const QString &edgeLabel,
                QString *flow, QString *label, QString *note) const;
    /// Flow ids named in @p text ("get features" → features), strongest first.
    QStringList named(const QString &text) const;

private:
    const Catalog &m_catalog;
};

} // namespace mls
