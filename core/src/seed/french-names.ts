/** First and last names common in France, to fill demo classes with believable people. */
// prettier-ignore
export const FIRST_NAMES = [
  'Emma', 'Gabriel', 'Jade', 'Raphaël', 'Louise', 'Léo', 'Alice', 'Louis', 'Chloé', 'Maël',
  'Lina', 'Arthur', 'Rose', 'Jules', 'Anna', 'Adam', 'Mia', 'Hugo', 'Inès', 'Nathan',
  'Ambre', 'Sacha', 'Léna', 'Tom', 'Julia', 'Éthan', 'Zoé', 'Paul', 'Manon', 'Timéo',
  'Agathe', 'Mohamed', 'Lou', 'Aaron', 'Romane', 'Noah', 'Iris', 'Marius', 'Nina', 'Yanis',
];

// prettier-ignore
export const LAST_NAMES = [
  'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Leroy', 'Simon', 'Laurent', 'Michel',
  'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André', 'Mercier',
  'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez', 'Legrand', 'Garnier', 'Faure', 'Rousseau', 'Blanc',
  'Guérin', 'Muller', 'Henry', 'Roussel', 'Nicolas', 'Perrin', 'Morin', 'Mathieu', 'Clément', 'Gauthier',
];

// prettier-ignore
export const ADULT_FIRST_NAMES = [
  'Nathalie', 'Stéphane', 'Isabelle', 'Christophe', 'Sandrine', 'Sébastien', 'Céline', 'Nicolas',
  'Aurélie', 'Julien', 'Émilie', 'Frédéric', 'Laetitia', 'Mathieu', 'Virginie', 'Guillaume',
];
