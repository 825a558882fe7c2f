#pragma once

#include "Diagram.h"

#include <QByteArray>
#include <QString>

namespace mls {

/// Writes the .mlsketch format: pretty-printed, stable key and element order, so that moving
/// one component changes two lines of the file.
class DiagramWriter
{
public:
    /// The whole document as JSON (known fields in DESIGN.md order, then unknown ones).
    static Json toJson(const Diagram &d);
    static Json componentToJson(const Component &c);
    static Json connectionToJson(const Connection &c);
    static Json groupToJson(const Group &g);
    /// The file's bytes, ending with a newline.
    static QByteArray write(const Diagram &d);
    /// Saves atomically (QSaveFile): either the whole new file or the old one, never a part.
    static bool save(const Diagram &d, const QString &path, QString *error);
};

} // namespace mls
