// SPDX-License-Identifier: MIT
#pragma once

#include "Diagram.h"
#include "Limits.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

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
    /// Reads a file from disk, refusing it before reading when it exceeds the size cap.
    static ReadResult readFile(const QString &path, const ReadLimits &limits = {});
};

} // namespace mls
