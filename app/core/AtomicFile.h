// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

class QFileDevice;

namespace mls {

/// Writes a file atomically: the bytes go to a temporary file beside the target, flushed to
/// disk, then renamed over it, so the target is always the old complete file or the new one.
///
/// Unlike QSaveFile's anonymous "NAME.XXXXXX", the temporary is named
/// ".NAME~mlsketch-PID-RANDOM.tmp": after a crash (kill -9) mid-save it is recognisable as
/// ours, and the next save of NAME (or opening it in the window) removes the ones whose
/// process is gone. Files that do not follow that pattern exactly are never touched.
class AtomicFile
{
public:
    /// Writes @p bytes to @p path; on failure says why in @p error (naming the path), leaves
    /// the old file untouched and no temporary behind.
    static bool write(const QString &path, const QByteArray &bytes, QString *error);
    /// Removes the temporaries of @p path left by processes that no longer run; returns how
    /// many were removed.
    static int removeStaleTemporaries(const QString &path);
    /// Why a write to @p file failed, in words: its error string, or the system's text of
    /// @p error (errno) where Qt has none.
    static QString writeError(const QFileDevice &file, int error);
    /// True when @p fileName (no folder) is a temporary of ours for a target named @p target.
    static bool isTemporaryOf(const QString &fileName, const QString &target,
                              qint64 *pid = nullptr);
};

} // namespace mls
