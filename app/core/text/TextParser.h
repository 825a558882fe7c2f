// SPDX-License-Identifier: MIT
#pragma once

#include "Diagram.h"
#include "DiagramReader.h"

#include <QString>
#include <QVector>

#include <memory>

namespace mls {

/// A message about one line of the text form.
struct TextIssue
{
    int line = 0; ///< 1-based
    QString message;
    bool error = true; ///< false: a warning (kept, e.g. an unknown kind)
};

/// What the parser made of a text: the design built from every good line, and the issues.
struct TextParseResult
{
    std::unique_ptr<Diagram> diagram; ///< never null: bad lines are left out
    QVector<TextIssue> issues;        ///< in line order
    /// True when no line has an error (warnings allowed).
    bool ok() const;
    /// The first error as "line N: message", or empty.
    QString firstError() const;
};

/// Reads the text form of a design (README, "Text form"): one statement per line, errors
/// reported per line and the rest still read. Components, connections and zones may refer to
/// ids declared on later lines.
class TextParser
{
public:
    static TextParseResult parse(const QString &text, const ReadLimits &limits = {});
    /// Reads a `.mls` file's bytes as a document; any line error refuses the whole file
    /// ("<file>: line N: what"), as the JSON reader refuses a broken file.
    static ReadResult read(const QByteArray &bytes, const QString &fileName,
                           const ReadLimits &limits = {});
    static ReadResult readFile(const QString &path, const ReadLimits &limits = {});
    /// Decodes bytes as UTF-8 text, refusing binary data (NUL bytes, invalid UTF-8) and
    /// anything over the size cap; on failure returns false with @p error set.
    static bool decode(const QByteArray &bytes, const ReadLimits &limits, QString *text,
                       QString *error);
};

} // namespace mls
