// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace mls {

/// Where Export suggests writing: an existing folder, named after the document.
class ExportLocation
{
public:
    /// The suggested path without extension: in the document's folder when it has one on
    /// disk, else in the first of @p fallbackFolders that exists (the pictures folder, home),
    /// else the current folder; named after the document's file, else its @p title, else
    /// "diagram". A template (":/…") counts as no file.
    static QString suggest(const QString &documentPath, const QString &title,
                           const QStringList &fallbackFolders);
    /// suggest() with the desktop's pictures folder and the home folder as fallbacks.
    static QString suggest(const QString &documentPath, const QString &title);
    /// @p title as a file name: no folder separators or characters file systems refuse.
    static QString fileNameFor(const QString &title);
};

} // namespace mls
