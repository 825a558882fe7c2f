// SPDX-License-Identifier: MIT
#pragma once

#include "Finding.h"
#include "LatencyAnalysis.h"

#include <QString>
#include <QVector>

namespace mls {

class Diagram;

/// What goes into a design review besides the diagram.
struct ReviewOptions
{
    QString imageFile;  ///< the diagram image, relative to the review (empty: no image)
    QString sourceName; ///< the .mlsketch file reviewed, named in the header (may be empty)
};

/// A Markdown design review of a diagram: title, the diagram as an image, an overview, the
/// findings of the design rules with why and how to fix them, the latency of each client's
/// critical path, and the components with their notes. Pure text; every piece of user text
/// is escaped so a label can never turn into markup, a link or HTML.
class ReviewExport
{
public:
    /// Runs the built-in design rules and latency analysis on @p diagram.
    static QString toMarkdown(const Diagram &diagram, const ReviewOptions &options);
    /// The same from findings and latency paths already computed (no clients: no table).
    static QString toMarkdown(const Diagram &diagram, QVector<Finding> findings,
                              const QVector<LatencyPath> &latency, const ReviewOptions &options);
    /// @p text as literal Markdown inline text (not at the start of a line): the characters
    /// that start emphasis, code, links, HTML, tables or math are escaped, line breaks become
    /// `<br>`.
    static QString escape(const QString &text);
    /// @p text as literal paragraphs: escape() per line, and also what would start a heading,
    /// list, quote or code block at the start of a line.
    static QString escapeBlock(const QString &text);
};

} // namespace mls
