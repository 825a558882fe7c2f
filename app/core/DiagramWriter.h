// SPDX-License-Identifier: MIT
#pragma once

#include "Diagram.h"
#include "Limits.h"

#include <QByteArray>
#include <QString>

namespace mls {

/// Writes the .mlsketch format: pretty-printed, stable key and element order, so that moving
/// one component changes two lines of the file.
class DiagramWriter
{
public:
    /// The whole document as JSON (known fields in DESIGN.md order, then unknown ones). The
    /// file text is written without it (writeText); this tree is the reference it matches.
    static Json toJson(const Diagram &d);
    /// Appends the file text of @p d to @p out, exactly `dumpJson(toJson(d), indent)`, streamed
    /// from the model (no tree): @p indent 2 pretty-prints, -1 writes one compact line.
    static void writeText(const Diagram &d, QByteArray &out, int indent = 2);
    static Json componentToJson(const Component &c);
    static Json connectionToJson(const Connection &c);
    static Json groupToJson(const Group &g);
    /// The file's bytes, ending with a newline (empty when the design cannot be written
    /// within the limits: see the overload).
    static QByteArray write(const Diagram &d);
    /// The same, checked against @p limits: the reader always accepts what this returns.
    /// Pretty-printed, or compact when only that fits; empty with @p error set otherwise.
    static QByteArray write(const Diagram &d, QString *error, const Limits &limits = {});
    /// Saves atomically (AtomicFile): either the whole new file or the old one, never a part,
    /// and refuses, saying why, what the reader would refuse.
    static bool save(const Diagram &d, const QString &path, QString *error);
};

} // namespace mls
