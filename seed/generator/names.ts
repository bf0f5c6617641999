/** Synthetic name pools, most common first (the generator draws them Zipf-like). No real people. */
export const FEMALE_GIVEN = [
  'Mary', 'Elizabeth', 'Margaret', 'Sarah', 'Anna', 'Maria', 'Emma', 'Olivia', 'Sophie', 'Katherine', 'Susan', 'Jennifer', 'Patricia', 'Linda',
  'Helen', 'Laura', 'Rachel', 'Emily', 'Jessica', 'Victoria', 'Rebecca', 'Charlotte', 'Amelia', 'Isabella', 'Grace', 'Chloe', 'Lucy', 'Hannah',
  'Natalie', 'Alexandra', 'Caroline', 'Julia', 'Stephanie', 'Deborah', 'Barbara', 'Dorothy', 'Josephine', 'Teresa', 'Eleanor', 'Abigail',
  'Monika', 'Katarzyna', 'Agnieszka', 'Ewa', 'Olga', 'Tatiana', 'Svetlana', 'Anastasia', 'Priya', 'Ananya', 'Lakshmi', 'Fatima', 'Aisha',
  'Mei', 'Xiu', 'Ying', 'Lucia', 'Carmen', 'Isabel', 'Ines', 'Chantal', 'Amelie', 'Claire', 'Ingrid', 'Greta', 'Anke', 'Birgit', 'Sabine',
  'Ottoline', 'Philippa', 'Rosalind', 'Imogen', 'Harriet', 'Beatrice', 'Cressida', 'Marguerite', 'Honora', 'Wilhelmina',
];
export const MALE_GIVEN = [
  'John', 'William', 'James', 'Robert', 'Michael', 'David', 'Thomas', 'Richard', 'Joseph', 'Charles', 'Daniel', 'Matthew', 'Christopher',
  'Andrew', 'Peter', 'Paul', 'Mark', 'George', 'Edward', 'Henry', 'Alexander', 'Benjamin', 'Samuel', 'Jonathan', 'Nicholas', 'Stephen',
  'Anthony', 'Patrick', 'Timothy', 'Oliver', 'Jacob', 'Philip', 'Francis', 'Lawrence', 'Raymond', 'Kenneth', 'Gregory', 'Vincent',
  'Piotr', 'Krzysztof', 'Tomasz', 'Pawel', 'Viktor', 'Dmitry', 'Sergey', 'Vladimir', 'Ivan', 'Aleksandr', 'Rahul', 'Arjun', 'Vikram',
  'Mohammed', 'Ahmed', 'Yusuf', 'Omar', 'Wei', 'Jun', 'Hao', 'Carlos', 'Javier', 'Diego', 'Luis', 'Pierre', 'Antoine', 'Jean', 'Klaus',
  'Hans', 'Jurgen', 'Stefan', 'Lars', 'Erik', 'Bartholomew', 'Cornelius', 'Ignatius', 'Leopold', 'Montgomery', 'Percival', 'Thaddeus',
];
export const FAMILY = [
  'Smith', 'Jones', 'Williams', 'Brown', 'Taylor', 'Davies', 'Wilson', 'Evans', 'Thomas', 'Johnson', 'Roberts', 'Walker', 'Wright',
  'Robinson', 'Thompson', 'White', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood', 'Harris', 'Lewis', 'Martin', 'Jackson', 'Clarke',
  'Clark', 'Turner', 'Hill', 'Scott', 'Cooper', 'Morris', 'Ward', 'Moore', 'King', 'Watson', 'Baker', 'Harrison', 'Morgan', 'Patel',
  'Young', 'Allen', 'Mitchell', 'James', 'Anderson', 'Phillips', 'Lee', 'Bell', 'Parker', 'Davis', 'Garcia', 'Martinez', 'Rodriguez',
  'Lopez', 'Gonzalez', 'Fernandez', 'Muller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann',
  'Dubois', 'Durand', 'Lefebvre', 'Moreau', 'Laurent', 'Nowak', 'Kowalski', 'Wisniewski', 'Wojcik', 'Kowalczyk', 'Ivanov', 'Smirnov',
  'Kuznetsov', 'Popov', 'Sokolov', 'Sharma', 'Singh', 'Kumar', 'Gupta', 'Khan', 'Ali', 'Hussain', 'Rahman', 'Wang', 'Li', 'Zhang',
  'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Nguyen', 'Tran', "O'Neil", 'McDonald', 'MacLeod', 'Fitzgerald', 'Van der Berg', 'De la Cruz',
  'Featherstonehaugh', 'Cholmondeley', 'Abernethy', 'Blackwood', 'Carrington', 'Delacroix', 'Ellingham', 'Fairweather', 'Gainsborough',
  'Hawthorne', 'Ironside', 'Jellicoe', 'Kensington', 'Lockwood', 'Marlowe', 'Northcott', 'Oakley', 'Pemberton', 'Quartermaine',
  'Ravensworth', 'Sutherland', 'Thistlewood', 'Underhill', 'Vandermeer', 'Whitlock', 'Yardley', 'Zielinski', 'Abramowicz', 'Bergstrom',
  'Castellanos', 'Dimitrov', 'Eriksson', 'Fontaine', 'Grabowski', 'Halvorsen', 'Iglesias', 'Janssen', 'Kaczmarek', 'Lindqvist',
  'Mikhailov', 'Nakamura', 'Okonkwo', 'Petrovic', 'Quintero', 'Rasmussen', 'Szymanski', 'Takahashi', 'Urquhart', 'Villanueva',
];
export const STREETS = ['High', 'Station', 'Church', 'Park', 'Victoria', 'Green', 'Manor', 'Kings', 'Queens', 'Mill', 'School', 'North', 'Albert', 'Chapel', 'Bridge', 'Springfield', 'Grange', 'Oak', 'Elm', 'Beech', 'Willow', 'Meadow', 'Orchard', 'Windsor', 'York'];
export const STREET_KINDS = ['Street', 'Road', 'Lane', 'Avenue', 'Close', 'Drive', 'Gardens', 'Way'];
export const TOWNS: Array<{ town: string; country: string; postcode: (digits: string, letters: string) => string; phone: (digits: string) => string }> = [
  { town: 'London', country: 'GB', postcode: (d, l) => `E${d[0]}${d[1]} ${d[2]}${l}`, phone: (d) => `+44 20 7${d.slice(0, 3)} ${d.slice(3, 7)}` },
  { town: 'Manchester', country: 'GB', postcode: (d, l) => `M${d[0]}${d[1]} ${d[2]}${l}`, phone: (d) => `+44 161 ${d.slice(0, 3)} ${d.slice(3, 7)}` },
  { town: 'Leeds', country: 'GB', postcode: (d, l) => `LS${d[0]} ${d[2]}${l}`, phone: (d) => `+44 113 ${d.slice(0, 3)} ${d.slice(3, 7)}` },
  { town: 'Springfield', country: 'US', postcode: (d) => `6${d.slice(0, 4)}`, phone: (d) => `+1 217 ${d.slice(0, 3)} ${d.slice(3, 7)}` },
  { town: 'Portland', country: 'US', postcode: (d) => `9${d.slice(0, 4)}`, phone: (d) => `+1 503 ${d.slice(0, 3)} ${d.slice(3, 7)}` },
  { town: 'Berlin', country: 'DE', postcode: (d) => `1${d.slice(0, 4)}`, phone: (d) => `+49 30 ${d.slice(0, 4)}${d.slice(4, 8)}` },
  { town: 'Hamburg', country: 'DE', postcode: (d) => `2${d.slice(0, 4)}`, phone: (d) => `+49 40 ${d.slice(0, 4)}${d.slice(4, 8)}` },
  { town: 'Lyon', country: 'FR', postcode: (d) => `69${d.slice(0, 3)}`, phone: (d) => `+33 4 ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4, 6)} ${d.slice(6, 8)}` },
];
export const EMAIL_PROVIDERS = ['gmail.com', 'outlook.com', 'yahoo.com', 'hotmail.com', 'proton.me', 'example-corp.com'];
