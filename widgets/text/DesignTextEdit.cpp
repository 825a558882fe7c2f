// SPDX-License-Identifier: MIT
#include "DesignTextEdit.h"

#include "Catalog.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextBlock>
#include <QToolTip>

namespace mls {

DesignTextEdit::DesignTextEdit(QWidget *parent)
    : QPlainTextEdit(parent), m_completer(new QCompleter(this)), m_model(new QStringListModel(this))
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabChangesFocus(false);
    m_completer->setModel(m_model);
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            &DesignTextEdit::insertCompletion);
}

void DesignTextEdit::setLineErrors(const QHash<int, QString> &errors)
{
    m_errors = errors;
    QList<QTextEdit::ExtraSelection> marks;
    for (auto it = errors.cbegin(); it != errors.cend(); ++it) {
        const QTextBlock block = document()->findBlockByNumber(it.key() - 1);
        if (!block.isValid())
            continue;
        QTextEdit::ExtraSelection mark;
        mark.format.setBackground(QColor(0xFEE2E2));
        mark.format.setProperty(QTextFormat::FullWidthSelection, true);
        mark.format.setToolTip(it.value());
        mark.cursor = QTextCursor(block);
        marks << mark;
        QTextEdit::ExtraSelection underline;
        underline.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        underline.format.setUnderlineColor(QColor(0xDC2626));
        underline.cursor = QTextCursor(block);
        underline.cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        marks << underline;
    }
    setExtraSelections(marks);
}

QStringList DesignTextEdit::completions(const QString &line, int column) const
{
    const QString before = line.left(column);
    static const QRegularExpression kindSpot(QStringLiteral("^\\s*[^\\s:]+\\s*:\\s*[\\w]*$"));
    static const QRegularExpression flowSpot(QStringLiteral("->\\s*\\S+\\s*:\\s*[\\w]*$"));
    const Catalog &cat = Catalog::builtin();
    QStringList words;
    if (flowSpot.match(before).hasMatch()) {
        for (const FlowType &f : cat.flows())
            words << f.id;
    } else if (kindSpot.match(before).hasMatch()) {
        for (const KindInfo &k : cat.kinds())
            words << k.id;
    } else if (!before.trimmed().contains(QLatin1Char(' ')) && !before.endsWith(QLatin1Char(' ')) &&
               !before.trimmed().isEmpty()) {
        words << QStringLiteral("title") << QStringLiteral("budget") << QStringLiteral("note")
              << QStringLiteral("zone") << QStringLiteral("waive");
    }
    return words;
}

QString DesignTextEdit::wordBeforeCursor() const
{
    QTextCursor c = textCursor();
    const QString line = c.block().text().left(c.positionInBlock());
    int start = int(line.size());
    while (start > 0 && (line.at(start - 1).isLetterOrNumber() || line.at(start - 1) == '_'))
        --start;
    return line.mid(start);
}

void DesignTextEdit::showCompletions()
{
    const QTextCursor c = textCursor();
    const QStringList words = completions(c.block().text(), c.positionInBlock());
    const QString prefix = wordBeforeCursor();
    if (words.isEmpty()) {
        m_completer->popup()->hide();
        return;
    }
    m_model->setStringList(words);
    m_completer->setCompletionPrefix(prefix);
    if (m_completer->completionCount() == 0 ||
        (m_completer->completionCount() == 1 && m_completer->currentCompletion() == prefix)) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
    QRect r = cursorRect();
    r.setWidth(m_completer->popup()->sizeHintForColumn(0) +
               m_completer->popup()->verticalScrollBar()->sizeHint().width());
    m_completer->complete(r);
}

void DesignTextEdit::insertCompletion(const QString &word)
{
    QTextCursor c = textCursor();
    const QString prefix = wordBeforeCursor();
    c.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, int(prefix.size()));
    c.insertText(word);
    setTextCursor(c);
}

void DesignTextEdit::keyPressEvent(QKeyEvent *event)
{
    if (m_completer->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Tab:
        case Qt::Key_Escape:
        case Qt::Key_Backtab:
            event->ignore(); // the completer's popup takes these
            return;
        default:
            break;
        }
    }
    const bool force = event->key() == Qt::Key_Space && (event->modifiers() & Qt::ControlModifier);
    if (!force)
        QPlainTextEdit::keyPressEvent(event);
    const QString typed = event->text();
    const bool wordChar = !typed.isEmpty() && (typed.at(0).isLetterOrNumber() || typed == "_");
    if (force || (wordChar && wordBeforeCursor().size() >= 1) ||
        (typed == QLatin1String(":") || typed == QLatin1String(" ")))
        showCompletions();
    else if (m_completer->popup()->isVisible())
        m_completer->popup()->hide();
}

bool DesignTextEdit::event(QEvent *e)
{
    if (e->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(e);
        const QTextCursor c = cursorForPosition(viewport()->mapFromGlobal(help->globalPos()));
        const QString message = m_errors.value(c.blockNumber() + 1);
        if (!message.isEmpty())
            QToolTip::showText(help->globalPos(), message, this);
        else
            QToolTip::hideText();
        return true;
    }
    return QPlainTextEdit::event(e);
}

} // namespace mls
