// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace mls {

/// Practice → Start…: a searchable list of the problems (difficulty and tags shown), the
/// chosen one's prompt, and the session length (30, 45 or 60 minutes; 45 by default).
class ProblemPicker : public QDialog
{
    Q_OBJECT
public:
    explicit ProblemPicker(QWidget *parent = nullptr);

    /// The chosen problem's id, empty when none is selected.
    QString problemId() const;
    int minutes() const;
    /// Selects a problem by id (tests, and the last one practised).
    void select(const QString &id);
    QLineEdit *searchField() const { return m_search; }
    QListWidget *list() const { return m_list; }

private:
    void filter(const QString &text);
    void showCurrent();

    QLineEdit *m_search;
    QListWidget *m_list;
    QLabel *m_prompt;
    QComboBox *m_minutes;
};

} // namespace mls
