// SPDX-License-Identifier: MIT
#include "TextPanel.h"

#include "DesignTextEdit.h"
#include "Diagram.h"
#include "OnScreen.h"
#include "TextHighlighter.h"
#include "text/TextApply.h"
#include "text/TextParser.h"
#include "text/TextWriter.h"

#include <QLabel>
#include <QScrollBar>
#include <QTextBlock>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

namespace mls {

TextPanel::TextPanel(QWidget *parent)
    : QWidget(parent), m_editor(new DesignTextEdit(this)),
      m_highlighter(new TextHighlighter(m_editor->document())), m_status(new QLabel(this)),
      m_applyTimer(new QTimer(this)), m_refreshTimer(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_status);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setStyleSheet(QStringLiteral("color: #b91c1c;"));
    m_status->hide();
    m_editor->setPlaceholderText(
        tr("ranker: ranking \"Ranker\" {latency_ms: 40}\nfs -> ranker : features\n"
           "zone serving \"Online serving\" { api ranker }"));
    m_applyTimer->setSingleShot(true);
    m_applyTimer->setInterval(600);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(0);
    connect(m_applyTimer, &QTimer::timeout, this, &TextPanel::applyNow);
    connect(m_refreshTimer, &QTimer::timeout, this, &TextPanel::refreshNow);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &TextPanel::textEdited);
}

void TextPanel::setApplyDelay(int ms)
{
    m_applyTimer->setInterval(ms);
}

void TextPanel::setDocument(Diagram *diagram, QUndoStack *stack)
{
    if (m_diagram)
        disconnect(m_diagram, nullptr, this, nullptr);
    m_diagram = diagram;
    m_stack = stack;
    if (diagram) {
        for (auto signal : {&Diagram::metaChanged, &Diagram::componentsReordered}) {
            connect(diagram, signal, this, &TextPanel::scheduleRefresh);
        }
        for (auto signal :
             {&Diagram::componentAdded, &Diagram::componentRemoved, &Diagram::componentChanged,
              &Diagram::connectionAdded, &Diagram::connectionRemoved, &Diagram::connectionChanged,
              &Diagram::groupAdded, &Diagram::groupRemoved, &Diagram::groupChanged}) {
            connect(diagram, signal, this, &TextPanel::scheduleRefresh);
        }
    }
    m_applyTimer->stop();
    if (isOnScreen()) {
        refreshNow();
        return;
    }
    // Writing and highlighting a large design costs more than opening its board: a hidden
    // panel holds no text until it is shown.
    m_writing = true;
    m_editor->clear();
    m_writing = false;
    m_stale = true;
}

DesignTextEdit *TextPanel::editor()
{
    if (m_stale)
        refreshNow();
    return m_editor;
}

bool TextPanel::isOnScreen() const
{
    return mls::isOnScreen(this);
}

void TextPanel::catchUp()
{
    if (m_stale)
        refreshNow();
}

void TextPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    catchUp();
}

void TextPanel::scheduleRefresh()
{
    // Moves and routes never reach the text; an edit made from the text is not echoed back.
    if (m_applying)
        return;
    if (isOnScreen()) {
        m_refreshTimer->start();
        return;
    }
    // The board changed while the text was hidden: a pending text edit is superseded, as
    // when the board rewrites visible text.
    m_applyTimer->stop();
    m_refreshTimer->stop();
    m_stale = true;
}

void TextPanel::refreshNow()
{
    m_refreshTimer->stop();
    m_stale = false;
    if (!m_diagram)
        return;
    const QString text = TextWriter::toText(*m_diagram);
    if (text == m_editor->toPlainText())
        return;
    // Keep the cursor on the same line and column, and the scroll position.
    const QTextCursor old = m_editor->textCursor();
    const int line = old.blockNumber();
    const int column = old.positionInBlock();
    const int scroll = m_editor->verticalScrollBar()->value();
    m_writing = true;
    m_editor->setPlainText(text);
    m_writing = false;
    const QTextBlock block = m_editor->document()->findBlockByNumber(
        std::min(line, m_editor->document()->blockCount() - 1));
    QTextCursor c(block);
    c.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor,
                   std::min(column, int(block.text().size())));
    m_editor->setTextCursor(c);
    m_editor->verticalScrollBar()->setValue(scroll);
    m_editor->setLineErrors({});
    m_messages.clear();
    m_status->hide();
}

void TextPanel::textEdited()
{
    if (!m_writing)
        m_applyTimer->start();
}

bool TextPanel::applyNow()
{
    m_applyTimer->stop();
    if (!m_diagram || !m_stack)
        return false;
    if (m_stale) // the editor holds no text yet, not an empty design
        refreshNow();
    const TextParseResult r = TextParser::parse(m_editor->toPlainText());
    QHash<int, QString> errors;
    m_messages.clear();
    for (const TextIssue &i : r.issues) {
        if (!i.error)
            continue;
        errors[i.line] += (errors.contains(i.line) ? QStringLiteral("; ") : QString()) + i.message;
        m_messages << tr("line %1: %2").arg(i.line).arg(i.message);
    }
    m_editor->setLineErrors(errors);
    if (!r.ok()) {
        m_status->setText(tr("The board keeps its last good state until the text reads "
                             "again.\n") +
                          m_messages.join(QLatin1Char('\n')));
        m_status->show();
        return false;
    }
    m_status->hide();
    if (QUndoCommand *command = TextApply::command(m_diagram, *r.diagram)) {
        m_applying = true;
        m_stack->push(command);
        m_applying = false;
        m_refreshTimer->stop();
    }
    return true;
}

} // namespace mls
