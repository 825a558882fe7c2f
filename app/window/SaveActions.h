// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QMenu;
class QWidget;

namespace mls {

class Document;

/// File → Save, Save As… and the questions around them: where to save an untitled document,
/// whether to save before closing, whether to throw changes away on Revert. A failed save
/// says why and leaves the document modified.
class SaveActions : public QObject
{
    Q_OBJECT
public:
    /// Saves @p document; dialogs open over @p window.
    SaveActions(Document *document, QWidget *window);

    /// Writes the document to @p path (atomically) and remembers it as a recent file; on
    /// failure returns false with @p error and the document stays modified.
    bool saveTo(const QString &path, QString *error);
    /// Saves to the document's file, or asks for one when it is untitled. Failures are shown.
    bool save();
    bool saveAs();
    /// Before closing: true when nothing unsaved would be lost (saved, discarded or clean).
    bool maybeSave();
    /// Asks whether to drop the changes and reload the file; false when there is nothing to
    /// revert or the answer is no.
    bool confirmRevert();

Q_SIGNALS:
    void statusMessage(const QString &text, int timeoutMs);

private:
    void reportFailure(const QString &error);

    Document *m_document;
    QWidget *m_window;
};

} // namespace mls
