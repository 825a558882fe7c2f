// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QPlainTextEdit>

class QCompleter;
class QStringListModel;

namespace mls {

/// The code pane of the Text dock: a plain-text editor with kind/flow/keyword completion
/// (as you type, or Ctrl+Space) and per-line error marks whose message shows on hover.
class DesignTextEdit : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit DesignTextEdit(QWidget *parent = nullptr);
    /// Marks these 1-based lines as bad, with their messages (empty: no marks).
    void setLineErrors(const QHash<int, QString> &errors);
    const QHash<int, QString> &lineErrors() const { return m_errors; }
    QCompleter *completer() const { return m_completer; }
    /// The words offered for @p prefix at the cursor (kinds after "id:", flows after "->… :").
    QStringList completions(const QString &line, int column) const;

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    void insertCompletion(const QString &word);
    QString wordBeforeCursor() const;
    void showCompletions();

    QCompleter *m_completer = nullptr;
    QStringListModel *m_model = nullptr;
    QHash<int, QString> m_errors;
};

} // namespace mls
