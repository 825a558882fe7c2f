#pragma once

#include "Diagram.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

namespace mls {

/// Caps on what a file may hold. Beyond them a file is refused with a message, so a hostile
/// or corrupt file cannot exhaust memory or stall the window. Documented in the README.
struct ReadLimits
{
    qint64 maxFileBytes = 256LL * 1024 * 1024; ///< a 100k-component diagram is about 40 MB
    int maxDepth = 64;                         ///< JSON nesting (the format needs 5)
    int maxComponents = 250000;
    int maxConnections = 1000000;
    int maxGroups = 10000;
    int maxIdLength = 200;
    int maxLabelLength = 2000;
    int maxStringBytes = 1024 * 1024; ///< notes, props values and any other string
    double maxCoordinate = 1e7;       ///< |x| and |y| in scene units
};

/// Outcome of reading a file: a new diagram, or an error; never a half-read document.
struct ReadResult
{
    std::unique_ptr<Diagram> diagram; ///< null on error
    QString error;                    ///< "<file>: <where>: <what>"
    QStringList warnings;             ///< kept but suspicious: unknown kinds and flows
    bool ok() const { return diagram != nullptr; }
};

/// Parses and validates the .mlsketch JSON format of DESIGN.md.
class DiagramReader
{
public:
    static constexpr int currentVersion = 1;

    /// Reads @p bytes; @p fileName only names the file in messages.
    static ReadResult read(const QByteArray &bytes, const QString &fileName,
                           const ReadLimits &limits = {});
    /// Reads a file from disk, refusing it before reading when it exceeds the size cap.
    static ReadResult readFile(const QString &path, const ReadLimits &limits = {});
};

} // namespace mls
