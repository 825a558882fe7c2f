// SPDX-License-Identifier: MIT
#pragma once

#include "Diagram.h"
#include "Limits.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace mls {

/// The reader's caps are the core's one set of limits (Limits.h).
using ReadLimits = Limits;

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
    /// The checks on raw bytes (size, nesting depth, string length, binary data) that read()
    /// makes before parsing: an empty string when they pass, else "<where>: <what>". The
    /// writer runs them on what it is about to write.
    static QString checkStructure(const QByteArray &bytes, const ReadLimits &limits = {});
    /// Reads a file from disk, refusing it before reading when it exceeds the size cap. It is
    /// read as readStreamed() reads it, else (a refusal, a pass given up) whole, as read() does.
    static ReadResult readFile(const QString &path, const ReadLimits &limits = {});
    /// A file read as read() would read its bytes, but in one pass over chunks that stay in the
    /// cache (no copy of the whole file to scan and then parse); nothing when it is refused or
    /// the pass gives up (a byte-order mark, a string that may be over the cap, a file growing
    /// past the limit): readFile() then reads it whole, which words the refusal.
    static std::optional<ReadResult> readStreamed(const QString &path,
                                                  const ReadLimits &limits = {});
};

} // namespace mls
