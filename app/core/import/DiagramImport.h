// SPDX-License-Identifier: MIT
#pragma once

#include "Diagram.h"
#include "DiagramReader.h"
#include "ImportedGraph.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace mls {

/// The languages mlsketch imports.
enum class ImportFormat
{
    Mermaid,
    Dot,
    Markdown, ///< Markdown with ```mermaid blocks
};

/// Outcome of an import: a new design (kinds recognised, flows chosen, zones made, laid out
/// with Graphviz) and the warnings a person must see (guessed kinds and flows, dropped or
/// redirected edges, skipped lines); or an error.
struct ImportResult
{
    std::unique_ptr<Diagram> diagram; ///< null on error
    QString error;
    QStringList warnings;
    int mermaidBlocks = 0; ///< Markdown: how many ```mermaid blocks the text holds
    bool ok() const { return diagram != nullptr; }
};

/// Mermaid and Graphviz DOT into mlsketch designs (README, "Import").
class DiagramImport
{
public:
    /// The format of a file name's extension (.mmd/.mermaid, .md/.markdown, .dot/.gv).
    static std::optional<ImportFormat> formatOf(const QString &path);
    /// The format @p text looks like (a pasted diagram), if any.
    static std::optional<ImportFormat> sniff(const QString &text);
    /// "Import files (*.mmd *.md …)", for a file dialog.
    static QString fileFilter();

    /// Imports a file; the file reader's limits apply (size, binary, nesting).
    static ImportResult importFile(const QString &path, int block = 0,
                                   const ReadLimits &limits = {});
    /// Imports @p bytes as @p format (sniffed when not given); @p block picks a Markdown
    /// file's ```mermaid block (0 = the first).
    static ImportResult importBytes(const QByteArray &bytes, std::optional<ImportFormat> format,
                                    const QString &name, int block = 0,
                                    const ReadLimits &limits = {});
    /// Gives an imported graph kinds, flows and zones; lays it out unless @p layout is false.
    static ImportResult fromGraph(const ImportedGraph &graph, bool layout = true);
};

} // namespace mls
