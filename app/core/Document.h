// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QUndoStack;

namespace mls {

class Diagram;

/// One open design: the Diagram, its undo stack, the file it came from and whether it holds
/// unsaved work. A window owns one and hands it to its collaborators; none of them needs the
/// window to read or change the document.
class Document : public QObject
{
    Q_OBJECT
public:
    /// An empty, untitled, unmodified document.
    explicit Document(QObject *parent = nullptr);
    ~Document() override;

    /// The design shown; never null.
    Diagram *diagram() const { return m_diagram.get(); }
    /// The edits of the current diagram; cleared when the diagram is replaced.
    QUndoStack *undoStack() const { return m_undo; }
    /// The file saved to and loaded from; empty while untitled.
    const QString &filePath() const { return m_filePath; }
    /// Unsaved changes: an edit since the last save, or work restored or imported unsaved.
    bool isModified() const;
    /// The name a person knows the document by: the file name, else the title, else
    /// "Untitled".
    QString displayName() const;
    /// Untitled, unmodified and without components or notes: nothing would be lost by replacing it.
    bool holdsNothing() const;

    /// Shows @p diagram instead of the current one (path empty: untitled), unmodified, with an
    /// empty undo stack. Emits aboutToReplace() before and replaced() after.
    void replace(std::unique_ptr<Diagram> diagram, const QString &path);
    /// Marks the document as holding unsaved work that is in no undo step (restored after a
    /// crash, imported).
    void markUnsaved();
    /// Writes the diagram to @p path atomically; on success it becomes the file path and the
    /// document is unmodified. On failure returns false with @p error and stays modified.
    bool save(const QString &path, QString *error);

Q_SIGNALS:
    /// The diagram is about to be destroyed: drop every pointer into it.
    void aboutToReplace();
    /// A new diagram is shown (the old one is gone).
    void replaced();
    /// isModified() or displayName() may have changed.
    void titleChanged();
    /// The document was written to @p path.
    void saved(const QString &path);

private:
    std::unique_ptr<Diagram> m_diagram;
    QUndoStack *m_undo;
    QString m_filePath;
    bool m_unsavedWork = false; ///< modified outside the undo stack
};

} // namespace mls
