import { Culture } from './cultures';

/**
 * Given names per culture, most common first (the draw is Zipf-like by rank, so the first
 * few are very common: John, Maria, Mohammed, Wei). Synthetic lists, no real people.
 */
export const GIVEN_NAMES: Record<Culture, { male: string; female: string }> = {
  english: {
    male: 'John James David Michael Robert William Richard Thomas Christopher Daniel Paul Mark Andrew Steven Joseph Charles Matthew Anthony Peter George Edward Kevin Brian Jonathan Timothy Samuel Stephen Kenneth Jacob Nicholas Oliver Harry Jack Benjamin Patrick Ryan Gary Eric Henry Alexander Philip Simon Adam Jason',
    female: 'Mary Sarah Elizabeth Jennifer Margaret Susan Emma Patricia Linda Karen Jessica Lisa Nancy Emily Laura Helen Rebecca Catherine Katherine Michelle Amanda Rachel Charlotte Olivia Sophie Victoria Hannah Deborah Stephanie Lucy Amy Barbara Sandra Donna Carol Ruth Alice Anne-Marie Grace Eleanor Chloe Maria Julie Joanne Claire',
  },
  german: {
    male: 'Thomas Michael Andreas Peter Stefan Klaus Christian Wolfgang Jürgen Frank Markus Uwe Matthias Hans Sebastian Tobias Alexander Martin Dieter Lukas Jonas Maximilian Florian Günter Karl-Heinz Jörg Helmut Bernd Ralf Jan Johannes Heinz Manfred Dirk Sven Timo Felix Niklas Moritz Björn',
    female: 'Maria Ursula Monika Petra Sabine Elisabeth Renate Helga Karin Brigitte Ingrid Susanne Andrea Claudia Stefanie Julia Anna Katharina Laura Lena Sarah Birgit Gisela Jutta Anja Nicole Christina Heike Sophie Marie Lea Hannelore Gabriele Angelika Kerstin Jana Annika Franziska Jessica Doris',
  },
  french: {
    male: 'Jean Pierre Michel Philippe Alain Nicolas Christophe Patrick Daniel Bernard Éric Frédéric Laurent Stéphane Julien Sébastien David Thomas François Olivier Jean-Pierre Jean-Claude Hugo Lucas Louis Mathieu Antoine Jérôme Rémi Gaël Didier Thierry Pascal Yves Guillaume Benoît Arnaud Cédric Théo Maxime',
    female: 'Marie Nathalie Isabelle Sylvie Catherine Françoise Christine Monique Valérie Sophie Sandrine Céline Véronique Chantal Stéphanie Hélène Camille Léa Manon Chloé Emma Inès Élodie Aurélie Julie Anne-Marie Brigitte Martine Nicole Jeanne Anne Caroline Émilie Laure Delphine Virginie Juliette Margaux Océane Agnès',
  },
  spanish: {
    male: 'José Juan Antonio Manuel Francisco Luis Javier Carlos Jesús Miguel Ángel Pedro Alejandro Rafael Fernando Pablo Sergio Jorge Alberto Diego Andrés Raúl Enrique Ramón Vicente Joaquín Álvaro Adrián Iván Rubén Óscar Ricardo Eduardo Gabriel Roberto Mario Héctor Ignacio Santiago Emilio',
    female: 'María Carmen Ana Isabel Dolores Pilar Teresa Rosa Josefa Cristina Laura Marta Lucía Elena Francisca Antonia Mercedes Paula Raquel Sara Beatriz Silvia Patricia Rocío Sofía Alba Nuria Julia Andrea Inmaculada Gloria Alicia Guadalupe Verónica Natalia Claudia Irene Lorena Esther Montserrat',
  },
  polish: {
    male: 'Piotr Krzysztof Andrzej Tomasz Paweł Jan Michał Marcin Stanisław Jakub Adam Marek Łukasz Grzegorz Mateusz Wojciech Mariusz Dariusz Zbigniew Jerzy Maciej Rafał Kamil Robert Józef Szymon Kacper Tadeusz Ryszard Bartosz Henryk Sławomir Przemysław Filip Damian',
    female: 'Anna Maria Katarzyna Małgorzata Agnieszka Barbara Ewa Krystyna Elżbieta Zofia Magdalena Joanna Monika Teresa Danuta Natalia Aleksandra Karolina Beata Dorota Jadwiga Marta Halina Iwona Julia Zuzanna Jolanta Grażyna Renata Alicja Irena Bożena Urszula Wiktoria Justyna',
  },
  russian: {
    male: 'Aleksandr Sergey Dmitriy Andrey Aleksey Ivan Mikhail Vladimir Nikolay Yevgeniy Maksim Pavel Artyom Viktor Oleg Igor Denis Roman Anton Yuriy Konstantin Boris Vadim Kirill Nikita Stanislav Grigoriy Leonid Fyodor Ruslan Vasiliy Yegor Timur Gennadiy Valeriy',
    female: 'Yelena Olga Natalya Tatyana Irina Svetlana Anna Mariya Yekaterina Yuliya Anastasiya Lyudmila Galina Marina Nadezhda Valentina Oksana Daria Kseniya Viktoriya Polina Alina Sofiya Larisa Vera Lyubov Nina Alyona Kristina Margarita Yevgeniya Zhanna Inna Elvira Raisa',
  },
  indian: {
    male: 'Rahul Amit Raj Sanjay Vijay Arjun Rohit Suresh Ramesh Anil Sunil Deepak Rajesh Vikram Arun Manoj Ravi Aditya Karan Nikhil Pradeep Ashok Mahesh Ajay Gaurav Harish Siddharth Krishna Aarav Vivek Sandeep Naveen Prakash Ankit Varun',
    female: 'Priya Anjali Pooja Sunita Neha Kavita Anita Deepika Lakshmi Meera Divya Rekha Shreya Asha Geeta Nisha Radha Swati Sneha Usha Shanti Ananya Kiran Rani Jyoti Sarita Savita Preeti Aditi Isha Ritu Shilpa Madhuri Pallavi Aarti',
  },
  chinese: {
    male: 'Wei Jun Lei Yong Jie Tao Ming Hao Bin Qiang Gang Peng Chao Feng Jian Hua Long Xin Bo Kai Liang Zhiwei Jianguo Haoran Zihan Yichen Junjie Zhiqiang Xiaoming Dong Guang Chen Yu Zhen Shuai',
    female: 'Fang Jing Min Yan Xiu Na Ying Hong Juan Mei Lan Xia Ling Yun Ting Xue Qian Hui Yue Xiaoyan Lijuan Xiaomei Yuxin Ziyi Shuang Lina Jiayi Yiting Wen Li Jia Qing Rui Xin Yan',
  },
  arabic: {
    male: 'Mohammed Ahmed Ali Omar Mahmoud Mustafa Hassan Hussein Ibrahim Khalid Youssef Abdullah Karim Tariq Samir Hamza Bilal Nabil Rashid Walid Faisal Jamal Adel Said Amir Yasin Ziad Anwar Salim Majid Rami Fadi Nasser Sami Imran',
    female: 'Fatima Aisha Mariam Khadija Zainab Layla Noor Amina Huda Salma Rania Yasmin Leila Hana Sara Dina Nadia Samira Rasha Lina Mona Reem Iman Asma Farah Jamila Malak Safiya Zahra Houda Soraya Nawal Dalia Lubna Amal',
  },
};
